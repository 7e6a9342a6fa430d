/**
 * Writes a whole directory atomically: files go into a sibling temp directory which is then
 * renamed into place. An existing directory is moved aside first and removed only after the
 * new one is in place, so a crash leaves either the old or the new directory, never a mix.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type DirectoryFiles = Readonly<Record<string, string | Uint8Array>>;

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

/** Writes plain files (no subfolders) into `dir`. */
export async function writeFiles(dir: string, files: DirectoryFiles): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    if (name !== path.basename(name) || name.startsWith('.')) throw new Error(`Model directory file name '${name}' must be a plain file name`);
    await writeFile(path.join(dir, name), content);
  }
}
