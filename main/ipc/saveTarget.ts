/**
 * Where a save goes: a path the renderer named (checked against the policy), else the one the
 * user picks in a native dialog (desktop), else a free name in the first root (web host).
 */

import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Result } from '../../app/protocol';
import type { FileDialogs, HostServices } from './hostServices';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** A name in `folder` that does not exist yet: `name`, else `name (2)`, `name (3)`, … */
async function freeTargetIn(folder: string, name: string): Promise<string> {
  const safe = basename(name);
  const dot = safe.indexOf('.', 1);
  const [stem, extension] = dot === -1 ? [safe, ''] : [safe.slice(0, dot), safe.slice(dot)];
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, n === 1 ? safe : `${stem} (${n})${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
}

export async function saveTarget(
  { paths, dialogs }: Pick<HostServices, 'paths' | 'dialogs'>,
  given: string | undefined,
  pick: (dialogs: FileDialogs) => Promise<string | null>,
  fallbackName: string,
): Promise<Result<string | null>> {
  if (given !== undefined) {
    const checked = await paths.check(given);
    return checked;
  }
  if (dialogs) return { ok: true, value: await pick(dialogs) };
  const root = paths.roots[0];
  if (root === undefined) return { ok: false, error: 'No folder to save into: start the web host with --root DIR' };
  return { ok: true, value: await freeTargetIn(root, fallbackName) };
}
