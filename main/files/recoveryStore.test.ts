import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/fakeHost';
import { createRecoveryStore } from './recoveryStore';

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder('recovery');
});
afterEach(() => folder.remove());

describe('recovery store', () => {
  it('keeps one copy per id, replaces it on each save and lists the newest first', async () => {
    let clock = Date.parse('2025-01-01T10:00:00Z');
    const store = createRecoveryStore(join(folder.path, 'recovery'), () => new Date((clock += 1000)));
    expect(await store.list()).toEqual({ ok: true, value: [] });
    await store.save({ id: 'tab-a', name: 'First', text: '{"v":1}' });
    await store.save({ id: 'tab-b', name: 'Second', file: { path: '/d/s.incept.json', name: 's.incept.json' }, text: '{"v":2}' });
    await store.save({ id: 'tab-a', name: 'First', text: '{"v":3}' });
    const listed = await store.list();
    expect(listed.ok && listed.value.map((copy) => [copy.id, copy.text, copy.file?.name])).toEqual([
      ['tab-a', '{"v":3}', undefined],
      ['tab-b', '{"v":2}', 's.incept.json'],
    ]);
    expect((await readdir(join(folder.path, 'recovery'))).sort()).toEqual(['tab-a.json', 'tab-b.json']);
  });

  it('discards one copy, or every copy this process wrote, and leaves other processes’ copies', async () => {
    const dir = join(folder.path, 'recovery');
    await createRecoveryStore(dir).save({ id: 'earlier-session', name: 'Old', text: '{}' });
    const store = createRecoveryStore(dir);
    await store.save({ id: 'one', name: 'A', text: '{}' });
    await store.save({ id: 'two', name: 'B', text: '{}' });
    await store.discard('one');
    expect((await readdir(dir)).sort()).toEqual(['earlier-session.json', 'two.json']);
    await store.discardOwn();
    expect(await readdir(dir)).toEqual(['earlier-session.json']);
  });

  it('refuses ids that could name another file, and skips copies that do not read back', async () => {
    const dir = join(folder.path, 'recovery');
    const store = createRecoveryStore(dir);
    expect(await store.save({ id: '../evil', name: 'x', text: '{}' })).toMatchObject({ ok: false, error: expect.stringContaining('not a recovery copy id') });
    expect(await store.discard('a/b')).toMatchObject({ ok: false });
    await store.save({ id: 'good', name: 'Good', text: '{}' });
    await writeFile(join(dir, 'torn.json'), '{"format":"inception-studio/recov');
    const listed = await store.list();
    expect(listed.ok && listed.value.map((copy) => copy.id)).toEqual(['good']);
  });

  it('says where it could not write', async () => {
    await writeFile(join(folder.path, 'blocked'), 'a file where the folder should be');
    const store = createRecoveryStore(join(folder.path, 'blocked', 'recovery'));
    expect(await store.save({ id: 'x', name: 'x', text: '{}' })).toMatchObject({ ok: false, error: expect.stringContaining(join(folder.path, 'blocked', 'recovery')) });
  });
});
