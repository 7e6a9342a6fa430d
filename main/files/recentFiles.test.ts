import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../app/node/testing/tempDir';
import { memoryRecentFiles } from './memoryRecentFiles';
import { createPathPolicy } from './pathPolicy';
import { loadRecentFiles, RECENT_LIMIT } from './recentFiles';
import { desktopPathPolicy } from './desktopAccess';

describe('recent files', () => {
  const dir = useTempDir('recent');

  it('keeps the newest first, moves a reopened file to the front and stops at the limit', async () => {
    const recent = memoryRecentFiles();
    for (let i = 0; i < RECENT_LIMIT + 2; i++) await recent.add(`/d/${i}.json`);
    await recent.add('/d/5.json');
    expect(recent.list()[0]).toBe('/d/5.json');
    expect(recent.list()).toHaveLength(RECENT_LIMIT);
    expect(new Set(recent.list()).size).toBe(RECENT_LIMIT);
    expect(recent.list()).not.toContain('/d/0.json');
    await recent.clear();
    expect(recent.list()).toEqual([]);
  });

  it('reads the stored list, ignoring non-strings, and writes each change back', async () => {
    const store = join(dir(), 'recent.json');
    await writeFile(store, JSON.stringify(['/a.json', 3, '/b.json']));
    const seen: (readonly string[])[] = [];
    const recent = await loadRecentFiles(store, (paths) => seen.push([...paths]));
    expect(recent.list()).toEqual(['/a.json', '/b.json']);
    await recent.add('/b.json');
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual(['/b.json', '/a.json']);
    await recent.clear();
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual([]);
    expect(seen).toEqual([['/b.json', '/a.json'], []]);
  });

  it('starts empty when the store is missing or not a list', async () => {
    expect((await loadRecentFiles(join(dir(), 'none.json'))).list()).toEqual([]);
    const store = join(dir(), 'bad.json');
    await writeFile(store, '{"not":"a list"}');
    expect((await loadRecentFiles(store)).list()).toEqual([]);
  });
});

describe('the desktop path policy', () => {
  const dir = useTempDir('desktop-access');

  it('reaches the runs folder and what the user granted, remembered across sessions; not the rest of home', async () => {
    const runs = join(dir(), 'runs');
    const store = join(dir(), 'granted.json');
    const first = await desktopPathPolicy(runs, await loadRecentFiles(store));
    expect(await first.check(join(runs, 'r1', 'run.json'))).toMatchObject({ ok: true });
    const refused = await first.check(join(dir(), 'data', 'cats'));
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders .*open it or choose it/) });
    await first.grant(join(dir(), 'data'));
    expect(await first.check(join(dir(), 'data', 'cats'))).toMatchObject({ ok: true });
    const next = await desktopPathPolicy(runs, await loadRecentFiles(store));
    expect(await next.check(join(dir(), 'data', 'cats'))).toMatchObject({ ok: true });
    expect(await next.check(join(dir(), 'granted.json'))).toMatchObject({ ok: false });
    expect((await createPathPolicy([runs])).allowed()).toHaveLength(1);
  });
});
