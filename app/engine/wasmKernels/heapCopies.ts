/**
 * copyKernels.wat on a wasm backend's own memory: tensors copied where they lie, many short runs
 * per call. One instance per backend (each thread has its own backend and memory). Null where
 * the memory is not where tfjs-backend-wasm 4.x keeps it (`Module.asm.memory`); callers then
 * keep the backend's own kernels.
 */

import type * as tf from '@tensorflow/tfjs';
import { COPY_KERNELS_WASM } from './copyKernelsWasm';
import { compileKernelModule } from './kernelInstance';
import type { WasmHeap } from './wasmHeap';

export interface HeapCopies {
  /** `rows` × `runs` runs of `bytes`: run (i, j) from src + i·srcRow + j·srcRun to dst + i·dstRow + j·dstRun (byte offsets). */
  copy2d(src: number, srcRow: number, srcRun: number, dst: number, dstRow: number, dstRun: number, bytes: number, rows: number, runs: number): void;
  /** The same runs at dst set to zero bytes. */
  zero2d(dst: number, dstRow: number, dstRun: number, bytes: number, rows: number, runs: number): void;
}

interface WasmBackendInternals {
  wasm?: { asm?: { memory?: unknown } };
}

const instances = new WeakMap<object, HeapCopies>();

export function heapCopies(backend: unknown): HeapCopies | null {
  const known = instances.get(backend as object);
  if (known) return known;
  const memory = (backend as WasmBackendInternals).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  const { copy2d, zero2d } = new WebAssembly.Instance(compileKernelModule(COPY_KERNELS_WASM), { tfjs: { memory } }).exports as unknown as HeapCopies;
  // A plain object: an instance's exports are frozen, and tests count calls through it.
  const copies = { copy2d, zero2d };
  instances.set(backend as object, copies);
  return copies;
}

/** Where a tensor's values start in the backend's memory, in bytes, and the size of one. */
export function placeOf(heap: WasmHeap, info: tf.TensorInfo): { offset: number; elementBytes: number } {
  const view = heap.typedArrayFromHeap(info);
  return { offset: view.byteOffset, elementBytes: view.BYTES_PER_ELEMENT };
}
