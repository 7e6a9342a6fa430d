/**
 * Files a browser sends to the host (a dataset folder, images to predict, a design): written
 * only inside the named folder, which must lie inside the host's roots, under relative paths
 * without `..`, hidden names or odd characters, of the kinds the Studio reads, within size
 * limits (app/uploads), never over an existing file. A batch is all or nothing.
 */

import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { UploadFile } from '../../app/protocol';
import { errorMessage, type Result } from '../../app/result';
import { UPLOAD_LIMITS, uploadPathProblem } from '../../app/uploads';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';
import { isInside } from '../../app/node/files/pathBoundary';
import type { PathPolicy } from './pathPolicy';

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export async function writeUploads(paths: PathPolicy, folder: string, files: readonly UploadFile[]): Promise<Result<string[]>> {
  const target = await paths.check(folder);
  if (!target.ok) return target;
  const info = await stat(target.value).catch(() => null);
  if (!info?.isDirectory()) return fail(`${target.value} is not a folder: choose an existing folder to upload into`);
  if (files.length > UPLOAD_LIMITS.filesPerRequest) return fail(`at most ${UPLOAD_LIMITS.filesPerRequest} files per upload request`);

  const planned: { path: string; bytes: Buffer }[] = [];
  let total = 0;
  for (const file of files) {
    const problem = uploadPathProblem(file.path);
    if (problem) return fail(`Upload refused: "${file.path}" ${problem}. Nothing was written.`);
    const bytes = Buffer.from(file.base64, 'base64');
    total += bytes.length;
    if (bytes.length > UPLOAD_LIMITS.fileBytes) return fail(`Upload refused: ${file.path} is larger than ${UPLOAD_LIMITS.fileBytes / 2 ** 20} MiB. Nothing was written.`);
    if (total > UPLOAD_LIMITS.requestBytes) return fail(`Upload refused: more than ${UPLOAD_LIMITS.requestBytes / 2 ** 20} MiB in one request. Nothing was written.`);
    const path = join(target.value, ...file.path.split('/'));
    // A subfolder that is a symbolic link must not lead the write out of the folder.
    const real = await paths.check(path);
    if (!real.ok || !isInside(target.value, real.value)) return fail(`Upload refused: ${file.path} would land outside ${target.value}. Nothing was written.`);
    if (await exists(real.value)) return fail(`Upload refused: ${real.value} already exists; upload into another folder or remove it first. Nothing was written.`);
    if (planned.some((other) => other.path === real.value)) return fail(`Upload refused: ${file.path} appears twice. Nothing was written.`);
    planned.push({ path: real.value, bytes });
  }

  const written: string[] = [];
  try {
    for (const { path, bytes } of planned) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, bytes);
      written.push(path);
    }
    return { ok: true, value: written };
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    return fail(`Upload failed, nothing kept: ${errorMessage(error)}`);
  }
}
