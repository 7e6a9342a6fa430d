/**
 * Which paths a host may touch. The web host names its roots at start; the desktop host starts
 * with its own runs folder and adds what the user opens or chooses (`grant`). Anything outside
 * (after resolving `..` and symbolic links) is refused, so a request cannot escape a root.
 */

import { isAbsolute, resolve } from 'node:path';
import { isInside, outsideRootsMessage, realPathOf, realRoots } from '../../app/node/files/pathBoundary';
import type { Result } from '../../app/result';

export interface PathPolicy {
  /** The real folders named at start. */
  readonly roots: readonly string[];
  /** The real absolute path when it lies inside a root or a grant, otherwise an error naming the roots. */
  check(path: string): Promise<Result<string>>;
  /** Allows a file or folder (and what is inside it) the user opened or chose on the desktop. */
  grant(path: string): Promise<void>;
  /** The roots and every grant, real: the bounds handed to the engine for paths found inside files. */
  allowed(): readonly string[];
}

export interface PathPolicyOptions {
  /** What to add to a refusal: how the user can give access (the desktop: open or choose it first). */
  refusalHint?: string;
}

export async function createPathPolicy(roots: readonly string[], options: PathPolicyOptions = {}): Promise<PathPolicy> {
  const real = await realRoots(roots);
  const granted: string[] = [];
  const allowed = (): string[] => [...real, ...granted];
  return {
    roots: real,
    async check(path) {
      if (!isAbsolute(path)) return { ok: false, error: `"${path}" is not an absolute path` };
      const candidate = await realPathOf(resolve(path));
      if (allowed().some((root) => isInside(root, candidate))) return { ok: true, value: candidate };
      return { ok: false, error: `${outsideRootsMessage(`"${path}"`, real)}${options.refusalHint ?? ''}` };
    },
    async grant(path) {
      const target = await realPathOf(resolve(path));
      if (!granted.includes(target)) granted.push(target);
    },
    allowed,
  };
}
