/**
 * Whether `@tensorflow/tfjs-node-gpu` really computes on a GPU here: a child process loads it
 * with TensorFlow's logging on, runs one matmul and exits; its log says whether a
 * `/device:GPU:0` was created and which libraries failed to open. Only then does this process
 * load the package (it cannot be unloaded, and without a GPU device it would quietly run on
 * the CPU under a GPU's name). Where no child process can run (the packaged desktop app), the
 * loaded backend's own `isUsingGpuDevice` decides instead, and nvidia-smi names the device.
 */

import { createRequire } from 'node:module';
import type { GpuInfo } from '../../protocol';
import type { Result } from '../../result';
import { explainNoGpuDevice, parseTensorflowGpuLog } from './cudaLog';
import { queryNvidiaSmi, type NvidiaSmiReport } from './device';
import { explainLoadFailure, isPackageInstalled, NATIVE_PACKAGE, notInstalledReason } from './nativePackages';
import { canRunProbeProcess, runProbeProcess } from './probeProcess';

export interface CudaDevice {
  device: string;
  gpu: GpuInfo;
}

/** The device TensorFlow created, or why there is none; `null` when it could not be asked in a child process. */
export type CudaProbe = Result<CudaDevice | null>;

const PROBE_SCRIPT = `
const tf = require(process.argv[1]);
tf.ready()
  .then(async () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    await tf.matMul(x, x).data();
    process.stdout.write(JSON.stringify({ backend: tf.getBackend() }));
  })
  .catch((error) => {
    process.stderr.write('probe failed: ' + (error && error.message) + '\\n');
    process.exitCode = 3;
  });
`;

let probed: Promise<CudaProbe> | null = null;

/** Probes once per process; the answer does not change while it runs. */
export function probeCuda(): Promise<CudaProbe> {
  probed ??= runCudaProbe();
  return probed;
}

async function runCudaProbe(): Promise<CudaProbe> {
  const pkg = NATIVE_PACKAGE['tensorflow-gpu'];
  if (!isPackageInstalled(pkg)) return { ok: false, error: notInstalledReason('tensorflow-gpu') };
  if (!canRunProbeProcess) return { ok: true, value: null };
  const [run, smi] = await Promise.all([
    runProbeProcess(PROBE_SCRIPT, [createRequire(import.meta.url).resolve(pkg)], { timeoutMs: 120_000, env: { TF_CPP_MIN_LOG_LEVEL: '0' } }),
    queryNvidiaSmi(),
  ]);
  const output = `${run.stderr}\n${run.stdout}`;
  if (run.code !== 0) {
    const last = run.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ');
    return { ok: false, error: explainLoadFailure('tensorflow-gpu', new Error(run.failure ?? (last || `exit code ${run.code}`)), true) };
  }
  return cudaVerdict(output, smi);
}

/** The probe's log (and nvidia-smi's report) → the device TensorFlow created, or why there is none. */
export function cudaVerdict(output: string, smi: NvidiaSmiReport | null): CudaProbe {
  const log = parseTensorflowGpuLog(output);
  const why = explainNoGpuDevice({ log, ...(smi?.cuda ? { driverCuda: smi.cuda } : {}) });
  if (why !== null) return { ok: false, error: why };
  const device = log.devices[0];
  const driver = smi?.gpus[0]?.driver;
  const others = log.devices.length > 1 ? ` (+${log.devices.length - 1} more)` : '';
  const gpu: GpuInfo = { name: device.name, memoryBytes: device.memoryMB * 2 ** 20, ...(driver ? { driver } : {}) };
  return { ok: true, value: { device: `${device.name}${others}, ${(device.memoryMB / 1024).toFixed(1)} GiB, compute ${device.computeCapability} (CUDA${driver ? `, driver ${driver}` : ''})`, gpu } };
}

/** Names the GPU a backend checked in this process runs on, from nvidia-smi. */
export async function nvidiaDevice(): Promise<CudaDevice> {
  const first = (await queryNvidiaSmi())?.gpus[0];
  if (!first) return { device: 'an NVIDIA GPU (CUDA; nvidia-smi, which would name it, is not on PATH)', gpu: { name: 'NVIDIA GPU' } };
  const gpu: GpuInfo = { name: first.name, driver: first.driver, memoryBytes: first.memoryMB * 2 ** 20 };
  return { device: `${first.name}, ${(first.memoryMB / 1024).toFixed(1)} GiB (CUDA, driver ${first.driver})`, gpu };
}
