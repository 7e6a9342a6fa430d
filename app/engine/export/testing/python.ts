/** Debian's python3 for the reference checks (torch, torchvision, onnx; the `python3` on PATH may lack them). */

import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** Why the modules cannot be imported (the skip reason), or null when they can. */
export function pythonProblem(modules: readonly string[]): string | null {
  const probe = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  if (probe.status === 0) return null;
  return `${PYTHON} with ${modules.join(', ')} is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)})`;
}
