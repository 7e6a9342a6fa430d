/**
 * What a host may write on the renderer's behalf: only the file types it owns — `.incept.json`
 * designs, exports in their own formats (a file named by its extension, or a folder for the
 * formats `EXPORT_FORMATS` says write one), model folders it creates — and never a dotfile or a
 * folder inside a dot folder (`.bashrc`, `.ssh/…`), nor over an executable or anything that is
 * not a regular file. Checked on the real target path, after the path policy.
 */

import { lstat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { EXPORT_FILE_EXTENSIONS } from '../../app/protocol';
import type { Result } from '../../app/protocol';
import { DESIGN_EXTENSION } from '../../app/design/types';
import { isInside, realPathOf } from '../../app/node/files/pathBoundary';

export const WRITE_KINDS = ['design', 'export', 'exportFolder', 'modelDir'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** Why a target of this kind may not be named so; null when its name fits. */
const nameProblem: Readonly<Record<WriteKind, (name: string) => string | null>> = {
  design: (name) => (name.toLowerCase().endsWith(DESIGN_EXTENSION) ? null : `designs are saved as ${DESIGN_EXTENSION} files`),
  export: (name) => (EXPORT_FILE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)) ? null : `exports are ${EXPORT_FILE_EXTENSIONS.join(' or ')} files`),
  // A folder export is any new or earlier-export folder: writeExportOutput refuses one holding other files.
  exportFolder: (name) => (EXPORT_FILE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)) ? 'a folder export is not named like an export file' : null),
  modelDir: () => null,
};

/** The path's name and its parts below the root that holds it (a dialog's choice may lie in none). */
function partsBelowRoot(path: string, roots: readonly string[]): string[] {
  const root = roots.filter((candidate) => isInside(candidate, path)).sort((a, b) => a.length - b.length)[0];
  return [basename(path), ...(root === undefined ? [] : relative(root, path).split(sep))];
}

/** The real target when the host may write a `kind` at `given`, else why not (naming the path). */
export async function checkWriteTarget(given: string, kind: WriteKind, roots: readonly string[]): Promise<Result<string>> {
  const path = await realPathOf(given);
  const refuse = (why: string): Result<string> => ({ ok: false, error: `Refusing to write ${path}: ${why}.` });
  if (partsBelowRoot(path, roots).some((part) => part.startsWith('.'))) return refuse('the host never writes dotfiles or inside dot folders');
  const badName = nameProblem[kind](basename(path));
  if (badName) return refuse(badName);
  const existing = await lstat(path).catch(() => null);
  if (existing && kind !== 'modelDir' && kind !== 'exportFolder') {
    if (!existing.isFile() && !existing.isSymbolicLink()) return refuse('it exists and is not a regular file');
    if (existing.isFile() && (existing.mode & 0o111) !== 0) return refuse('it is an executable file');
  }
  return { ok: true, value: path };
}
