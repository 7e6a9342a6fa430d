/**
 * Writes a whole directory atomically: files go into a sibling temp directory which is then
 * renamed into place. An existing directory is moved aside first and removed only after the
 * new one is in place, so a crash leaves either the old or the new directory, never a mix.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
