/**
 * Writes that never leave a half-written file: the data goes to a sibling temp file, is flushed
 * to disk, then renamed over the target (rename is atomic within one folder). On failure the
 * temp file is removed and the target is untouched.
 */

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeWriteError } from './fileWriteError';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw describeWriteError(path, error);
  }
}
