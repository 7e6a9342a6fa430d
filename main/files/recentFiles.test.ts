import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../app/node/testing/tempDir';
import { memoryRecentFiles } from './memoryRecentFiles';
import { loadRecentFiles, RECENT_LIMIT } from './recentFiles';

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
