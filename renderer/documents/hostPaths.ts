/**
 * Path arithmetic on the host's paths, which the renderer only names and never opens: POSIX
 * (`/srv/nets`) or Windows (`C:\nets`) alike, since the host may run on either.
 */

import { withDesignExtension } from '../../app/design/designExtension';
import { DESIGN_EXTENSION } from '../../app/design/types';

const SEPARATOR = /[\\/]/;

export const isAbsolutePath = (path: string): boolean => path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);

/** The folder holding `path`; a root (`/`, `C:\`) is its own parent. */
export function parentOf(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return path;
  if (cut === 0) return trimmed.slice(0, 1);
  if (/^[A-Za-z]:$/.test(trimmed.slice(0, cut))) return trimmed.slice(0, cut + 1);
  return trimmed.slice(0, cut);
}

export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${name.replace(/^[\\/]+/, '')}`;
}

export const baseName = (path: string): string => path.replace(/[\\/]+$/, '').split(SEPARATOR).pop() ?? path;

/** A file name without the design extension or its last extension: `net.incept.json` → `net`. */
export function stemOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(DESIGN_EXTENSION)) return fileName.slice(0, -DESIGN_EXTENSION.length);
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/**
 * Where Save As writes what the user typed: a bare name or a relative path lands in `folder`,
 * an absolute path stays; the design extension is added when missing.
 */
export function saveTargetFor(typed: string, folder: string): string {
  const name = typed.trim();
  return withDesignExtension(isAbsolutePath(name) ? name : joinPath(folder, name));
}

/** What Open reads for what the user typed: relative to `folder`; a name without extension may mean the design. */
export function openTargetFor(typed: string, folder: string, listed: readonly string[]): string {
  const name = typed.trim();
  const path = isAbsolutePath(name) ? name : joinPath(folder, name);
  const withExtension = withDesignExtension(path);
  return !listed.includes(path) && listed.includes(withExtension) ? withExtension : path;
}
