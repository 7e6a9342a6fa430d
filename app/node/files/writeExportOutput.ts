/**
 * Puts an export where it was asked for, atomically: a file through `writeFileAtomic`, a folder
 * through `writeDirectoryAtomic`. A folder that holds anything but an earlier export of the same
 * kind is refused, so an export never replaces someone's other files.
 */

import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOutput } from '../../export/exportOutput';
import type { Result } from '../../result';
import { writeDirectoryAtomic } from './writeDirectoryAtomic';
import { writeFileAtomic } from './writeFileAtomic';

/** Why `dir` may not be replaced by `files`, or null (absent, empty, or an earlier export of these files). */
async function folderProblem(dir: string, files: ReadonlyMap<string, Uint8Array>): Promise<string | null> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : null));
  if (existing === null) return `'${dir}' exists and is not a folder`;
  const foreign = existing.filter((name) => !files.has(name));
  if (foreign.length === 0) return null;
  return `'${dir}' holds other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''}); choose an empty or new folder`;
}

export async function writeExportOutput(target: string, output: ExportOutput): Promise<Result<string>> {
  if (output.writes === 'file') {
    await writeFileAtomic(target, output.bytes);
    return { ok: true, value: target };
  }
  const problem = await folderProblem(target, output.files);
  if (problem) return { ok: false, error: problem };
  await writeDirectoryAtomic(target, async (temp) => {
    for (const [name, bytes] of output.files) await writeFile(path.join(temp, name), bytes);
  });
  return { ok: true, value: target };
}
