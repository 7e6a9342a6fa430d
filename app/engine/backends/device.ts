/** A human name for the device a backend computes on. */

import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function cpuDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() || os.arch();
  return `${model} (${cpus.length} ${cpus.length === 1 ? 'core' : 'cores'})`;
}

/** The GPU name from nvidia-smi; tfjs-node-gpu itself does not expose it. */
export function gpuDescription(): string {
  try {
    const names = execFileSync('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], { encoding: 'utf8', timeout: 5000 })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (names.length > 0) return `${names.join(', ')} (CUDA)`;
  } catch {
    // nvidia-smi is absent on some driver installs; fall through to the generic name.
  }
  return 'CUDA GPU';
}
