/**
 * The doctor: every backend with why it is or is not available, the device, the versions, and
 * (with `benchmark`) a few seconds of the fixed workload on each available backend. The
 * measurement is saved per machine, and the automatic choice follows it where it disagrees
 * with the preference order.
 */

import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import type { BackendBenchmark, BackendStatus, DoctorReport } from '../../protocol';
import { profileFromBenchmark, saveComputeProfile } from '../backends/computeProfile';
import { cpuDescription } from '../backends/device';
import { selectBackend } from '../backends/select';
import { checkWebGpuErrors } from '../backends/webgpu';
import { createWorkload, WORKLOAD_BATCH, WORKLOAD_DESCRIPTION } from './workload';

export interface DoctorOptions {
  benchmark: boolean;
  /** Timed seconds per backend, after one warm-up step; default 3. */
  seconds?: number;
  /** Progress lines ("benchmarking webgpu…"), for a terminal. */
  onProgress?: (line: string) => void;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const first = await selectBackend();
  const report: DoctorReport = {
    createdAt: new Date().toISOString(),
    versions: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      tfjs: tf.version.tfjs,
      platform: `${process.platform} ${os.release()} (${process.arch})`,
      cpu: cpuDescription(),
    },
    backends: first.backends,
    benchmark: null,
    automatic: first.active,
    ...(first.note ? { automaticReason: first.note } : {}),
  };
  if (!options.benchmark) return report;

  const results: BackendBenchmark[] = [];
  for (const status of first.backends.filter((s) => s.available)) {
    options.onProgress?.(`benchmarking ${status.name}…`);
    results.push(await benchmarkBackend(status, (options.seconds ?? 3) * 1000));
  }
  await saveComputeProfile(profileFromBenchmark(WORKLOAD_DESCRIPTION, results, first.backends));
  // Selected afresh: the profile just written may put another backend first.
  const automatic = await selectBackend();
  return { ...report, benchmark: { workload: WORKLOAD_DESCRIPTION, results }, automatic: automatic.active, ...(automatic.note ? { automaticReason: automatic.note } : {}) };
}

/** One warm-up step (shader compilation, first allocations), then timed steps for `budgetMs` (at least one). */
async function benchmarkBackend(status: BackendStatus, budgetMs: number): Promise<BackendBenchmark> {
  let device = status.device ?? '';
  let workload: ReturnType<typeof createWorkload> | null = null;
  try {
    device = (await selectBackend({ backend: status.name })).device;
    workload = createWorkload();
    await workload.step();
    let steps = 0;
    const start = performance.now();
    while (steps === 0 || performance.now() - start < budgetMs) {
      await workload.step();
      steps++;
    }
    const elapsed = performance.now() - start;
    checkWebGpuErrors();
    return { name: status.name, device, imagesPerSecond: (steps * WORKLOAD_BATCH * 1000) / elapsed, msPerStep: elapsed / steps, steps };
  } catch (error) {
    return { name: status.name, device, error: error instanceof Error ? error.message : String(error) };
  } finally {
    workload?.dispose();
  }
}
