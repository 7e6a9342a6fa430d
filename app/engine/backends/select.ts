/**
 * Backend selection: try each backend in preference order (or only the one asked for), make the
 * first that loads active, and report every backend with the reason it was skipped. Where the
 * doctor measured another backend faster on this machine, that one is tried first.
 */

import * as tf from '@tensorflow/tfjs';
import type { BackendReport, BackendStatus } from '../../protocol';
import { measuredPreference } from './computeProfile';
import { nvidiaDevice, probeCuda } from './cudaProbe';
import { cpuDescription } from './device';
import { BACKEND_NAMES, type BackendName } from '../../compute/backends';
import { errorMessage } from '../../result';
import { TFJS_BACKEND } from './names';
import { explainLoadFailure, importNativePackage, isPackageInstalled, NATIVE_PACKAGE, notInstalledReason } from './nativePackages';
import { loadWasmBackend } from './wasm';
import { loadWebGpuBackend } from './webgpu';
import { probeWebGpuAdapter, webGpuAdapterSummary, type WebGpuAdapter } from './webgpuAdapter';

export interface SelectBackendOptions {
  /** Use only this backend (the `--backend` override); fail with its reason if it cannot load. */
  backend?: BackendName;
}

/** Thrown when the requested backend (or every backend) cannot load; carries the full report. */
export class BackendUnavailableError extends Error {
  constructor(
    message: string,
    readonly backends: readonly BackendStatus[],
  ) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

let current: BackendReport | null = null;
/** Whether `current` is the automatic choice (no backend named), which a plain call may reuse. */
let currentIsAutomatic = false;
/** The native package loaded in this process, if any: the two cannot both load. */
let nativeLoaded: 'tensorflow-gpu' | 'tensorflow' | null = null;
let adapterProbe: ReturnType<typeof probeWebGpuAdapter> | null = null;

/** The WebGPU adapter, probed once per process in a child process. */
function webGpuAdapterProbe(): ReturnType<typeof probeWebGpuAdapter> {
  adapterProbe ??= probeWebGpuAdapter();
  return adapterProbe;
}

export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendReport> {
  const wanted = options.backend;
  const reusable = wanted === undefined ? currentIsAutomatic : wanted === current?.active;
  if (current && reusable && tf.getBackend() === TFJS_BACKEND[current.active]) {
    // Named, it is no longer the automatic choice: the next plain call looks again.
    if (wanted !== undefined) currentIsAutomatic = false;
    return current;
  }
  const measured = wanted === undefined ? await measuredPreference() : null;
  const order = measured ? [measured.name, ...BACKEND_NAMES.filter((name) => name !== measured.name)] : BACKEND_NAMES;
  const statuses = new Map<BackendName, BackendStatus>();
  let active: BackendStatus | null = null;
  for (const name of order) {
    if (active || (wanted !== undefined && wanted !== name)) {
      statuses.set(name, await untried(name, active, wanted));
      continue;
    }
    const attempt = await tryActivate(name, wanted === name);
    statuses.set(name, attempt.status);
    if (attempt.activated) active = attempt.status;
  }
  const ordered = BACKEND_NAMES.map((name) => statuses.get(name)!);
  if (!active) {
    const tried = ordered.filter((s) => !s.available && s.reason && (wanted === undefined || s.name === wanted));
    const reasons = tried.map((s) => `${s.name}: ${s.reason}`);
    const what = wanted ? `backend '${wanted}'` : 'any backend';
    throw new BackendUnavailableError(`Could not load ${what}. ${reasons.join('; ')}`, ordered);
  }
  const note = measured && active.name === measured.name ? measured.reason : undefined;
  current = { active: active.name, device: active.device ?? cpuDescription(), backends: ordered, ...(note ? { note } : {}) };
  currentIsAutomatic = wanted === undefined;
  return current;
}

interface Attempt {
  status: BackendStatus;
  activated: boolean;
}

async function tryActivate(name: BackendName, forced: boolean): Promise<Attempt> {
  try {
    switch (name) {
      case 'tensorflow-gpu':
      case 'tensorflow':
        return await activateNative(name);
      case 'webgpu':
        return await activateWebGpu(forced);
      case 'wasm':
        await loadWasmBackend();
        await setTfjsBackend(name);
        return { status: { name, available: true, device: cpuDescription() }, activated: true };
      case 'cpu':
        await setTfjsBackend(name);
        return { status: { name, available: true, device: cpuDescription() }, activated: true };
    }
  } catch (error) {
    const reason = name === 'tensorflow-gpu' || name === 'tensorflow' ? explainLoadFailure(name, error) : `failed to load: ${errorMessage(error)}`;
    return { status: { name, available: false, reason }, activated: false };
  }
}

async function setTfjsBackend(name: BackendName): Promise<void> {
  if (!(await tf.setBackend(TFJS_BACKEND[name]))) throw new Error(`tf.setBackend('${TFJS_BACKEND[name]}') failed`);
  await tf.ready();
}

/** tfjs-node-gpu only once its probe saw TensorFlow create a GPU device; tfjs-node as it is. */
async function activateNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<Attempt> {
  const other = name === 'tensorflow' ? 'tensorflow-gpu' : 'tensorflow';
  if (nativeLoaded === other) return { status: { name, available: false, reason: `${NATIVE_PACKAGE[other]} is already loaded in this process and the two cannot load together` }, activated: false };
  const cuda = name === 'tensorflow-gpu' ? await probeCuda() : null;
  if (cuda && !cuda.ok) return { status: { name, available: false, reason: cuda.error }, activated: false };
  if (nativeLoaded !== name) await importNativePackage(name);
  nativeLoaded = name;
  await setTfjsBackend(name);
  if (!cuda) return { status: { name, available: true, device: cpuDescription() }, activated: true };
  // The loaded backend's own word, whether or not a child process could be asked first.
  if (!(tf.backend() as { isUsingGpuDevice?: boolean }).isUsingGpuDevice) return { status: { name, available: false, reason: NO_GPU_DEVICE }, activated: false };
  const { device, gpu } = cuda.value ?? (await nvidiaDevice());
  return { status: { name, available: true, device, gpu }, activated: true };
}

const NO_GPU_DEVICE =
  'TensorFlow loaded but created no GPU device (it needs CUDA 11.2 and cuDNN 8.1 on the library path); `inception-studio doctor` in a terminal names the libraries it could not open';

function webGpuStatus(adapter: WebGpuAdapter, reason?: string): BackendStatus {
  const summary = webGpuAdapterSummary(adapter);
  return {
    name: 'webgpu',
    available: true,
    device: `${summary} (WebGPU${adapter.software ? ', software' : ''})`,
    gpu: {
      name: adapter.description || adapter.device || summary,
      adapter: [adapter.vendor, adapter.architecture].filter(Boolean).join(' '),
      maxBufferSize: adapter.maxBufferSize,
      maxStorageBufferBindingSize: adapter.maxStorageBufferBindingSize,
      ...(adapter.software ? { software: true } : {}),
    },
    ...(reason ? { reason } : {}),
  };
}

/** A hardware adapter, or any adapter when asked for by name; a software one is otherwise only reported. */
async function activateWebGpu(forced: boolean): Promise<Attempt> {
  const probe = await webGpuAdapterProbe();
  if (!probe.ok) return { status: { name: 'webgpu', available: false, reason: probe.error }, activated: false };
  if (probe.value.software && !forced) return { status: webGpuStatus(probe.value, SOFTWARE_PASSED_OVER), activated: false };
  const adapter = await loadWebGpuBackend({ allowSoftware: forced });
  await setTfjsBackend('webgpu');
  return { status: webGpuStatus(adapter), activated: true };
}

const SOFTWARE_PASSED_OVER = 'a software adapter (a CPU renderer, far slower than wasm): not chosen automatically, only when named (--backend webgpu)';

/** Status of a backend that was not tried, without loading it. */
async function untried(name: BackendName, active: BackendStatus | null, wanted: BackendName | undefined): Promise<BackendStatus> {
  const skipped = wanted !== undefined && active === null ? ` (not tried: --backend ${wanted})` : '';
  const preferred = active ? ` (${active.name} preferred)` : '';
  switch (name) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      if (!isPackageInstalled(NATIVE_PACKAGE[name])) return { name, available: false, reason: notInstalledReason(name) + skipped };
      return { name, available: true, reason: `installed, not loaded${skipped || preferred}` };
    case 'webgpu': {
      // Another backend was asked for by name: no need to look for a GPU at all.
      if (wanted !== undefined) return { name, available: false, reason: `not probed (--backend ${wanted})` };
      const probe = await webGpuAdapterProbe();
      if (!probe.ok) return { name, available: false, reason: probe.error };
      return webGpuStatus(probe.value, probe.value.software ? SOFTWARE_PASSED_OVER : `not loaded${preferred}`);
    }
    case 'wasm':
    case 'cpu':
      return { name, available: true, device: cpuDescription() };
  }
}

/** One line per backend, for the command line and logs. */
export function describeBackends(report: BackendReport): string {
  const lines = [`backend: ${report.active} on ${report.device}${report.note ? ` — ${report.note}` : ''}`];
  for (const status of report.backends) {
    if (status.name === report.active) continue;
    const device = status.available && status.device && status.name !== 'wasm' && status.name !== 'cpu' ? ` on ${status.device}` : '';
    lines.push(`  ${status.name}: ${status.available ? 'available' : 'unavailable'}${device}${status.reason ? ` — ${status.reason}` : ''}`);
  }
  return lines.join('\n');
}
