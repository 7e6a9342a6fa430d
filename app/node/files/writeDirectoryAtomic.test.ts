import type * as fsPromises from 'node:fs/promises';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../testing/tempDir';

/** Every fsync and rename, in order, as `sync <path>` / `rename <from> <to>`. */
const journal: string[] = [];

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  return {
    ...real,
    async open(...args: Parameters<typeof real.open>) {
      const handle = await real.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        journal.push(`sync ${String(args[0])}`);
        await sync();
      };
      return handle;
    },
    async rename(from: string, to: string) {
      journal.push(`rename ${from} ${to}`);
      await real.rename(from, to);
    },
  };
});

const { writeDirectoryAtomic } = await import('./writeDirectoryAtomic');

describe('writeDirectoryAtomic', () => {
  const dir = useTempDir('write-dir');

  it('flushes every file and the folder to disk before the rename, and the parent after it', async () => {
    const target = join(dir(), 'model');
    journal.length = 0;
    let temp = '';
    await writeDirectoryAtomic(target, async (folder) => {
      temp = folder;
      await writeFile(join(folder, 'a.bin'), 'a');
      await mkdir(join(folder, 'sub'));
      await writeFile(join(folder, 'sub', 'b.json'), '{}');
    });
    const renameInto = journal.indexOf(`rename ${temp} ${target}`);
    expect(renameInto).toBeGreaterThan(0);
    const before = journal.slice(0, renameInto);
    for (const path of [join(temp, 'a.bin'), join(temp, 'sub', 'b.json'), join(temp, 'sub'), temp]) expect(before, path).toContain(`sync ${path}`);
    expect(journal.slice(renameInto)).toContain(`sync ${dir()}`);
    expect(await readFile(join(target, 'sub', 'b.json'), 'utf8')).toBe('{}');
  });

  it('clears what crashed saves of the same folder left behind, once the new one is in place', async () => {
    const target = join(dir(), 'last');
    for (const leftover of ['last.tmp-123-abcd0123', 'last.old-456-ef012345', 'last.old-789-23456789', 'last.old-backup']) {
      await mkdir(join(dir(), leftover));
      await writeFile(join(dir(), leftover, 'weights.bin'), 'stale');
    }
    await mkdir(join(dir(), 'last-other.tmp-1-aabbccdd'));
    await writeDirectoryAtomic(target, (folder) => writeFile(join(folder, 'weights.bin'), 'new'));
    expect((await readdir(dir())).filter((name) => name.startsWith('last')).sort()).toEqual(['last', 'last-other.tmp-1-aabbccdd', 'last.old-backup']);
  });
});
