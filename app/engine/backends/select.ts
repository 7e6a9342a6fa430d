/**
 * Backend selection: try each backend in preference order (or only the one asked for), make the
 * first that loads active, and report every backend with the reason it was skipped.
 */

import * as tf from '@tensorflow/tfjs';
import { errorMessage } from '../../result';
import type { BackendReport, BackendStatus } from '../../protocol';
import { cpuDescription, gpuDescription } from './device';
import { BACKEND_NAMES, type BackendName } from '../../compute/backends';
import { TFJS_BACKEND } from './names';
import { explainLoadFailure, importNativePackage, isPackageInstalled, NATIVE_PACKAGE, notInstalledReason, type NativeBackend } from './nativePackages';
import { loadWasmBackend } from './wasm';

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
/** The native package loaded in this process, if any: the two cannot both load. */
let nativeLoaded: NativeBackend | null = null;

export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendReport> {
  const wanted = options.backend;
  if (current && (wanted === undefined || wanted === current.active) && tf.getBackend() === TFJS_BACKEND[current.active]) return current;
  const statuses: BackendStatus[] = [];
  let active: BackendStatus | null = null;
  for (const name of BACKEND_NAMES) {
    if (active || (wanted !== undefined && wanted !== name)) {
      statuses.push(probe(name, active, wanted));
      continue;
    }
    const status = await tryActivate(name);
    statuses.push(status);
    if (status.available) active = status;
  }
  if (!active) {
    const tried = statuses.filter((s) => !s.available && s.reason && (wanted === undefined || s.name === wanted));
    const reasons = tried.map((s) => `${s.name}: ${s.reason}`);
    const what = wanted ? `backend '${wanted}'` : 'any backend';
    throw new BackendUnavailableError(`Could not load ${what}. ${reasons.join('; ')}`, statuses);
  }
  current = { active: active.name, device: active.device ?? cpuDescription(), backends: statuses };
  return current;
}

async function tryActivate(name: BackendName): Promise<BackendStatus> {
  try {
    if (name === 'tensorflow-gpu' || name === 'tensorflow') {
      const other = name === 'tensorflow' ? 'tensorflow-gpu' : 'tensorflow';
      if (nativeLoaded === other) return { name, available: false, reason: `${NATIVE_PACKAGE[other]} is already loaded in this process and the two cannot load together` };
      if (nativeLoaded !== name) await importNativePackage(name);
      nativeLoaded = name;
    } else if (name === 'wasm') {
      await loadWasmBackend();
    }
    if (!(await tf.setBackend(TFJS_BACKEND[name]))) throw new Error(`tf.setBackend('${TFJS_BACKEND[name]}') failed`);
    await tf.ready();
    return { name, available: true, device: name === 'tensorflow-gpu' ? gpuDescription() : cpuDescription() };
  } catch (error) {
    const reason = name === 'tensorflow-gpu' || name === 'tensorflow' ? explainLoadFailure(name, error) : `failed to load: ${errorMessage(error)}`;
    return { name, available: false, reason };
  }
}

/** Status of a backend that was not tried: installed-ness only, without loading it. */
function probe(name: BackendName, active: BackendStatus | null, wanted: BackendName | undefined): BackendStatus {
  const skipped = wanted !== undefined && active === null ? ` (not tried: --backend ${wanted})` : '';
  if (name === 'tensorflow-gpu' || name === 'tensorflow') {
    if (!isPackageInstalled(NATIVE_PACKAGE[name])) return { name, available: false, reason: notInstalledReason(name) + skipped };
    return { name, available: true, reason: `installed, not loaded${skipped || (active ? ` (${active.name} preferred)` : '')}` };
  }
  return { name, available: true, device: cpuDescription() };
}

/** One line per backend, for the command line and logs. */
export function describeBackends(report: BackendReport): string {
  const lines = [`backend: ${report.active} on ${report.device}`];
  for (const status of report.backends) {
    if (status.name === report.active) continue;
    lines.push(`  ${status.name}: ${status.available ? 'available' : 'unavailable'}${status.reason ? ` — ${status.reason}` : ''}`);
  }
  return lines.join('\n');
}
