/**
 * Writes that never leave a half-written file: the data goes to a sibling temp file, is flushed
 * to disk, then renamed over the target (rename is atomic within one folder). On failure the
 * temp file is removed and the target is untouched. Writing over an existing file keeps its
 * mode; a symbolic link is followed and its target written (the link stays); anything that is
 * not a regular file (a folder, a device, a socket, a pipe) is never replaced.
 */

import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeWriteError, FileWriteError } from './fileWriteError';

/** The file a write to `path` lands in: the link's target when `path` is a symbolic link. */
const resolvedTarget = (path: string): Promise<string> => realpath(path).catch(() => path);

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await resolvedTarget(path);
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isFile()) throw new FileWriteError(path, 'ENOTREG', 'it is not a regular file (a folder, device, socket or pipe), so it is not replaced');
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      if (existing) await chmod(temp, existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw describeWriteError(path, error);
  }
}
