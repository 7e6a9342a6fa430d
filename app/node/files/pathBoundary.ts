/**
 * Whether a path lies inside a set of allowed folders, judged on real paths: `..` and symbolic
 * links are resolved first, so neither can lead out. The hosts check paths a request names; the
 * engine checks paths that come from inside files (a CSV manifest's rows, a run's `run.json`).
 * The answer never depends on whether the outside file exists.
 */

import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves symbolic links of the longest existing prefix, so a file yet to be written counts. */
export async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

/** The real paths of `roots` (each resolved against the working folder first). */
export const realRoots = (roots: readonly string[]): Promise<string[]> => Promise.all(roots.map((root) => realPathOf(resolve(root))));

/** The real path of `path` when it lies inside one of `roots` (already real), otherwise null. */
export async function realPathInside(path: string, roots: readonly string[]): Promise<string | null> {
  const real = await realPathOf(resolve(path));
  return roots.some((root) => isInside(root, real)) ? real : null;
}

/** The sentence every refusal ends with. */
export const outsideRootsMessage = (path: string, roots: readonly string[]): string =>
  `${path} is outside the folders this host may access (${roots.join(', ') || 'none'})`;
