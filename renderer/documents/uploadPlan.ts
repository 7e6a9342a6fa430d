/**
 * Which of the files a user picked go to the host, under which relative paths, in which
 * requests: files the host would refuse (hidden ones, other kinds, too large) are left out and
 * named, the rest are cut into requests of a few megabytes.
 */

import { UPLOAD_LIMITS, uploadPathProblem } from '../../app/uploads';

export interface PickedFile {
  /** `flowers/rose/1.jpg` for a folder upload, `1.jpg` for single files. */
  relativePath: string;
  size: number;
}

/** Small requests keep the page responsive and a failure cheap to retry. */
export const BATCH_BYTES = 8 * 1024 * 1024;
const BATCH_FILES = 500;

export interface UploadPlan<F extends PickedFile> {
  batches: F[][];
  skipped: { path: string; why: string }[];
  bytes: number;
}

/** `subfolder` (optional, `/`-separated) is put in front of every path. */
export function planUpload<F extends PickedFile>(files: readonly F[], subfolder = ''): UploadPlan<F> {
  const prefix = subfolder.trim().replace(/^\/+|\/+$/g, '');
  const batches: F[][] = [];
  const skipped: { path: string; why: string }[] = [];
  let current: F[] = [];
  let currentBytes = 0;
  let bytes = 0;
  for (const file of files) {
    const path = prefix ? `${prefix}/${file.relativePath}` : file.relativePath;
    const problem = uploadPathProblem(path) ?? (file.size > UPLOAD_LIMITS.fileBytes ? `is larger than ${UPLOAD_LIMITS.fileBytes / 2 ** 20} MiB` : null);
    if (problem) {
      skipped.push({ path: file.relativePath, why: problem });
      continue;
    }
    if (current.length > 0 && (currentBytes + file.size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push({ ...file, relativePath: path });
    currentBytes += file.size;
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return { batches, skipped, bytes };
}
