/**
 * Writes a whole directory atomically: files go into a sibling temp directory which is then
 * renamed into place. Every file and folder in it is flushed to disk before the rename, and the
 * parent folder after it, so a power cut cannot leave a renamed folder of empty files. An
 * existing directory is moved aside first and removed only after the new one is in place, so a
 * crash leaves either the old or the new directory, never a mix; what earlier crashed saves of
 * the same directory left beside it (`<dir>.tmp-*`, `<dir>.old-*`) is removed after a success.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** fsync of a file or folder. Folders cannot be opened for it on every platform (Windows): best effort there. */
async function flush(target: string, folder: boolean): Promise<void> {
  const handle = await open(target, 'r').catch((error: unknown) => {
    if (folder) return null;
    throw error;
  });
  if (handle === null) return;
  try {
    await handle.sync().catch((error: unknown) => {
      if (!folder) throw error;
    });
  } finally {
    await handle.close();
  }
}

/** Flushes every file below `dir`, then each folder after its contents. */
async function flushTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await flushTree(child);
    else if (entry.isFile()) await flush(child, false);
  }
  await flush(dir, true);
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The folders a save of `dir` makes beside it (`<name>.tmp-<pid>-<8 hex>` while filling,
 * `<name>.old-<pid>-<8 hex>` for the one it replaces), which an interrupted save leaves behind;
 * by their exact form, so a user's own `<name>.old-backup` is never taken for one.
 */
export function leftoversOf(dir: string): (name: string) => 'tmp' | 'old' | null {
  const pattern = new RegExp(`^${escaped(path.basename(dir))}\\.(tmp|old)-\\d+-[0-9a-f]{8}$`);
  return (name) => (pattern.exec(name)?.[1] as 'tmp' | 'old' | undefined) ?? null;
}

/** Removes the temp and moved-aside folders that earlier, interrupted saves of `absolute` left. */
async function clearLeftovers(absolute: string): Promise<void> {
  const isLeftover = leftoversOf(absolute);
  const siblings = await readdir(path.dirname(absolute)).catch(() => [] as string[]);
  for (const name of siblings.filter((sibling) => isLeftover(sibling) !== null)) {
    await rm(path.join(path.dirname(absolute), name), { recursive: true, force: true });
  }
}

/** Runs `fill` on a fresh temp directory, then puts that directory in place of `dir`. */
export async function writeDirectoryAtomic(dir: string, fill: (tempDir: string) => Promise<void>): Promise<void> {
  const absolute = path.resolve(dir);
  await mkdir(path.dirname(absolute), { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${absolute}.tmp-${suffix}`;
  const old = `${absolute}.old-${suffix}`;
  await mkdir(temp);
  try {
    await fill(temp);
    await flushTree(temp);
    const moved = await rename(absolute, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    try {
      await rename(temp, absolute);
    } catch (error) {
      if (moved) await rename(old, absolute);
      throw error;
    }
    await flush(path.dirname(absolute), true);
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await clearLeftovers(absolute);
}
