/**
 * Which paths a host may touch. The web host names its roots at start; anything outside them
 * (after resolving `..` and symbolic links) is refused, so a request cannot escape a root.
 */

import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, basename, join, relative, resolve, sep } from 'node:path';
import type { Result } from '../../app/result';

export interface PathPolicy {
  readonly roots: readonly string[];
  /** The real absolute path when it lies inside a root, otherwise an error naming the roots. */
  check(path: string): Promise<Result<string>>;
  /** Allows one file outside the roots: one the OS or the command line handed the desktop app. */
  grant(path: string): void;
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves symbolic links of the longest existing prefix, so a file yet to be written counts. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realPathOf(parent), basename(path));
  }
}

export async function createPathPolicy(roots: readonly string[]): Promise<PathPolicy> {
  const realRoots = await Promise.all(roots.map((root) => realPathOf(resolve(root))));
  const granted = new Set<string>();
  return {
    roots: realRoots,
    async check(path) {
      if (!isAbsolute(path)) return { ok: false, error: `"${path}" is not an absolute path` };
      const real = await realPathOf(resolve(path));
      if (granted.has(resolve(path)) || realRoots.some((root) => isInside(root, real))) return { ok: true, value: real };
      return { ok: false, error: `"${path}" is outside the folders this host may access (${realRoots.join(', ') || 'none'})` };
    },
    grant(path) {
      granted.add(resolve(path));
    },
  };
}
