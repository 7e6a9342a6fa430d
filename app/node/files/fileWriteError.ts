/** Write failures a user can act on, named by the path they asked for rather than a temp file's. */

import { errorMessage } from '../../result';

/** What each actionable error code means to the person who asked for the write. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of its folder path is a file',
  EISDIR: 'it is a directory',
};

export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';

  constructor(
    readonly path: string,
    readonly code: string,
    /** The reason alone, for callers that name the path themselves. */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot write ${path}: ${reason}`, options);
  }
}

/** `error` as a `FileWriteError` for `path` when its code is one a user can act on; otherwise unchanged. */
export function describeWriteError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  return reason === undefined ? error : new FileWriteError(path, code!, `${reason} (${code})`, { cause: error });
}

/** The message for a caller that already names `path`: the bare reason when the write to `path` failed. */
export function writeErrorReason(error: unknown, path: string): string {
  if (error instanceof FileWriteError && error.path === path) return error.reason;
  return errorMessage(error);
}
