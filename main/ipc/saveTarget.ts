/**
 * Where a save goes: a path the renderer named (checked against the policy), else the one the
 * user picks in a native dialog (desktop), else a free name in the first root (web host). Each
 * passes the write policy: the host writes only the file types it owns.
 */

import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Result } from '../../app/protocol';
import { withDesignExtension } from '../../app/design/designExtension';
import { checkWriteTarget, type WriteKind } from '../files/writePolicy';
import type { FileDialogs, HostServices } from './hostServices';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** A name in `folder` that does not exist yet: `name`, else `name (2)`, `name (3)`, … */
async function freeTargetIn(folder: string, name: string): Promise<string> {
  const dot = name.indexOf('.', 1);
  const [stem, extension] = dot === -1 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${n})${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function chosenTarget(
  { paths, dialogs }: Pick<HostServices, 'paths' | 'dialogs'>,
  given: string | undefined,
  pick: (dialogs: FileDialogs) => Promise<string | null>,
  fallbackName: string,
): Promise<Result<{ path: string; picked: boolean } | null>> {
  if (given !== undefined) {
    const checked = await paths.check(given);
    return checked.ok ? { ok: true, value: { path: checked.value, picked: false } } : checked;
  }
  if (dialogs) {
    const picked = await pick(dialogs);
    return { ok: true, value: picked === null ? null : { path: picked, picked: true } };
  }
  const root = paths.roots[0];
  if (root === undefined) return { ok: false, error: 'No folder to save into: start the web host with --root DIR' };
  return { ok: true, value: { path: await freeTargetIn(root, fallbackName), picked: false } };
}

export async function saveTarget(
  services: Pick<HostServices, 'paths' | 'dialogs'>,
  kind: WriteKind,
  given: string | undefined,
  pick: (dialogs: FileDialogs) => Promise<string | null>,
  suggestedName: string,
): Promise<Result<string | null>> {
  const name = basename(suggestedName);
  const chosen = await chosenTarget(services, given, pick, kind === 'design' ? withDesignExtension(name) : name);
  if (!chosen.ok || chosen.value === null) return chosen as Result<null>;
  const target = await checkWriteTarget(chosen.value.path, kind, services.paths.allowed());
  // What the user picked in a native dialog is theirs to give: the host may use it from now on.
  if (target.ok && chosen.value.picked) await services.paths.grant(target.value);
  return target;
}
