/** Human names for the devices the backends compute on. */

import { execFile } from 'node:child_process';
import os from 'node:os';

export function cpuDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() || os.arch();
  return `${model} (${cpus.length} ${cpus.length === 1 ? 'core' : 'cores'})`;
}

export interface NvidiaGpu {
  name: string;
  driver: string;
  memoryMB: number;
}

export interface NvidiaSmiReport {
  gpus: NvidiaGpu[];
  /** The newest CUDA version the driver supports (nvidia-smi's header). */
  cuda?: string;
}

const run = (args: string[]): Promise<string | null> =>
  new Promise((resolve) => execFile('nvidia-smi', args, { encoding: 'utf8', timeout: 10_000 }, (error, stdout) => resolve(error ? null : stdout)));

/** The NVIDIA GPUs and driver as nvidia-smi reports them; null where it is absent or fails. */
export async function queryNvidiaSmi(): Promise<NvidiaSmiReport | null> {
  const [rows, header] = await Promise.all([run(['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits']), run([])]);
  if (rows === null) return null;
  return parseNvidiaSmi(rows, header ?? '');
}

export function parseNvidiaSmi(rows: string, header: string): NvidiaSmiReport {
  const gpus = rows
    .split('\n')
    .map((line) => line.split(',').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 3 && cells[0] !== '')
    .map(([name, driver, memory]) => ({ name, driver, memoryMB: Number(memory) || 0 }));
  const cuda = /CUDA Version:\s*([\d.]+)/.exec(header)?.[1];
  return { gpus, ...(cuda ? { cuda } : {}) };
}
