/**
 * Files a browser sends to the host (a dataset folder, images to predict, a design): written
 * only inside the named folder, which must lie inside the host's roots, under relative paths
 * without `..`, hidden names or odd characters, of the kinds the Studio reads, within size
 * limits, never over an existing file. A batch is all or nothing.
 */

import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DESIGN_EXTENSION } from '../../app/design/types';
import type { Result, UploadFile } from '../../app/protocol';
import { IMAGE_EXTENSIONS } from '../../app/training/imageFormats';
import { writeFileAtomic } from '../../app/engine/files/writeFileAtomic';
import { isInside, type PathPolicy } from './pathPolicy';

/** What a browser may upload: dataset images and CSV manifests, and designs. */
export const UPLOAD_EXTENSIONS: readonly string[] = [...IMAGE_EXTENSIONS, '.csv', DESIGN_EXTENSION];

export const UPLOAD_LIMITS = {
  /** Bytes per file and per request (the page sends a large folder in many requests). */
  fileBytes: 64 * 1024 * 1024,
  requestBytes: 64 * 1024 * 1024,
  filesPerRequest: 2000,
  depth: 16,
  segmentLength: 255,
} as const;

const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\:*?"<>|]/;

/** Why a relative upload path is refused, or null when it is fine. */
export function uploadPathProblem(relative: string): string | null {
  const segments = relative.split('/');
  if (relative === '' || relative.startsWith('/')) return 'is not a relative path';
  if (segments.length > UPLOAD_LIMITS.depth) return `is more than ${UPLOAD_LIMITS.depth} folders deep`;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." part';
    if (segment.startsWith('.')) return 'names a hidden file or folder';
    if (segment.length > UPLOAD_LIMITS.segmentLength) return `has a name longer than ${UPLOAD_LIMITS.segmentLength} characters`;
    if (UNSAFE_CHARACTERS.test(segment)) return 'contains a control character or one of \\ : * ? " < > |';
  }
  const lower = relative.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((extension) => lower.endsWith(extension))) return `is not a kind of file the Studio reads (${UPLOAD_EXTENSIONS.join(', ')})`;
  return null;
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export async function writeUploads(paths: PathPolicy, folder: string, files: readonly UploadFile[]): Promise<Result<string[]>> {
  const target = await paths.check(folder);
  if (!target.ok) return target;
  const info = await stat(target.path).catch(() => null);
  if (!info?.isDirectory()) return fail(`${target.path} is not a folder: choose an existing folder to upload into`);
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
    const path = join(target.path, ...file.path.split('/'));
    // A subfolder that is a symbolic link must not lead the write out of the folder.
    const real = await paths.check(path);
    if (!real.ok || !isInside(target.path, real.path)) return fail(`Upload refused: ${file.path} would land outside ${target.path}. Nothing was written.`);
    if (await exists(real.path)) return fail(`Upload refused: ${real.path} already exists; upload into another folder or remove it first. Nothing was written.`);
    if (planned.some((other) => other.path === real.path)) return fail(`Upload refused: ${file.path} appears twice. Nothing was written.`);
    planned.push({ path: real.path, bytes });
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
    return fail(`Upload failed, nothing kept: ${error instanceof Error ? error.message : String(error)}`);
  }
}
