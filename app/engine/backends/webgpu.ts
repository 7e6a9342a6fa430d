/**
 * The WebGPU backend in Node: `@tensorflow/tfjs-backend-webgpu` on Dawn's Node binding (the
 * `webgpu` package: Vulkan, Metal, D3D12). The package registers its backend only where a
 * browser's `navigator.gpu` exists, so this creates Dawn's GPU object, picks the adapter and
 * registers the backend itself. Dawn keeps its event loop handles while a device lives:
 * `releaseWebGpu` lets the process exit.
 */

import * as tf from '@tensorflow/tfjs';
import type { WebGpuAdapter } from './webgpuAdapter';
import { describeAdapter, webGpuAdapterSummary } from './webgpuAdapter';
import { onProcessRelease } from '../processRelease';
import { registerWebGpuTrainingKernels } from '../webgpuKernels/register';

interface WebGpuSession {
  device: GPUDevice;
  adapter: WebGpuAdapter;
  /** Why the device was lost, once it is (a driver reset, or destroyed on release). */
  lost: string | null;
  /** What the device reported since the last check, oldest first. */
  errors: WebGpuError[];
}

export type WebGpuErrorKind = 'out-of-memory' | 'validation' | 'internal' | 'device-lost';

/** A WebGPU failure: a kernel that fails leaves wrong numbers behind, never an exception, so callers ask. */
export class WebGpuError extends Error {
  constructor(
    message: string,
    readonly kind: WebGpuErrorKind,
  ) {
    super(message);
    this.name = 'WebGpuError';
  }
}

type NavigatorHolder = { navigator?: object };

let session: WebGpuSession | null = null;
/** Undoes what `exposeGpu` did to `navigator`, on release. */
let restoreNavigator: (() => void) | null = null;

/**
 * Throws the first error the device reported since the last call (out of memory, an invalid
 * kernel, a lost device) and forgets the rest. Called after each training step and inference
 * batch; a no-op when WebGPU is not loaded.
 */
export function checkWebGpuErrors(): void {
  if (!session) return;
  if (session.lost !== null) throw new WebGpuError(`the GPU device was lost (${session.lost})`, 'device-lost');
  const [first] = session.errors;
  session.errors = [];
  if (first) throw first;
}

const ERROR_KINDS: Readonly<Record<string, WebGpuErrorKind>> = {
  GPUOutOfMemoryError: 'out-of-memory',
  GPUValidationError: 'validation',
  GPUInternalError: 'internal',
};

/**
 * Creates the device on the preferred adapter and registers the tfjs backend `webgpu`. A
 * software adapter (SwiftShader, lavapipe) is refused unless `allowSoftware`. Idempotent.
 */
export async function loadWebGpuBackend(options: { allowSoftware: boolean }): Promise<WebGpuAdapter> {
  if (session && !session.lost) {
    if (session.adapter.software && !options.allowSoftware) throw new Error(softwareRefusal(session.adapter));
    return session.adapter;
  }
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('Dawn found no WebGPU adapter (no Vulkan, Metal or D3D12 driver for a GPU)');
  const described = describeAdapter(adapter.info, adapter.limits);
  if (described.software && !options.allowSoftware) throw new Error(softwareRefusal(described));
  const limits = adapter.limits;
  // The limits tfjs itself asks for in a browser: the adapter's own, not WebGPU's defaults; and
  // timestamps where there are any, for kernel timings (tf.profile, the train bench's profile).
  const device = await adapter.requestDevice({
    requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  const current: WebGpuSession = { device, adapter: described, lost: null, errors: [] };
  void device.lost.then((info) => {
    current.lost = info.message || String(info.reason);
  });
  // Kept for `checkWebGpuErrors` instead of printed (Dawn prints what nobody handles).
  device.onuncapturederror = (event) => {
    event.preventDefault();
    const kind = ERROR_KINDS[event.error.constructor.name] ?? 'internal';
    current.errors.push(new WebGpuError(`WebGPU ${kind} error: ${event.error.message.split('\n')[0]}`, kind));
  };
  exposeGpu(gpu);
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend('webgpu', () => new WebGPUBackend(device, adapter.info));
  registerWebGpuTrainingKernels();
  session = current;
  onProcessRelease(releaseWebGpu);
  return described;
}

/**
 * The tfjs backend checks `navigator.gpu` when it is constructed. Node 20 has no `navigator`;
 * Node 21+ (and Electron's utility process) has one without `gpu`, which gets it; a navigator
 * that refuses it is stood in for until release.
 */
function exposeGpu(gpu: GPU): void {
  const existing = (globalThis as NavigatorHolder).navigator;
  if (existing !== undefined && Reflect.defineProperty(existing, 'gpu', { value: gpu, configurable: true, writable: true })) {
    restoreNavigator = () => Reflect.deleteProperty(existing, 'gpu');
    return;
  }
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  restoreNavigator = () => (previous ? Object.defineProperty(globalThis, 'navigator', previous) : Reflect.deleteProperty(globalThis, 'navigator'));
}

/**
 * Unregisters the backend, destroys the device and drops Dawn's GPU object, so nothing keeps
 * the process alive. The next `loadWebGpuBackend` starts afresh.
 */
export function releaseWebGpu(): void {
  if (!session) return;
  if (tf.findBackend('webgpu') || tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  session.device.destroy();
  session = null;
  restoreNavigator?.();
  restoreNavigator = null;
}

function softwareRefusal(adapter: WebGpuAdapter): string {
  return `the only WebGPU adapter is a software renderer (${webGpuAdapterSummary(adapter)}), far slower than wasm; it is used only when asked for (--backend webgpu)`;
}
