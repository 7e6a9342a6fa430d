/**
 * Float tensors in and out of JavaScript arrays without a copy the garbage collector must free.
 * `dataSync` hands out a fresh array per tensor: a data-parallel step that moved every weight and
 * gradient through it allocated ~5× the model's size outside V8's heap, and V8 answered with a
 * full mark-compact every step or two on the main thread (5–10 ms each, plus incremental
 * marking). On wasm the values are read where they lie and written through a view, which the
 * backend copies into its memory.
 */

import * as tf from '@tensorflow/tfjs';
import type { WasmHeap } from './wasmHeap';

/** The wasm backend's table of its tensors (not in its typings): has it got this one? */
interface DataTable {
  dataIdMap: { has(dataId: tf.DataId): boolean };
}

function wasmHolding(tensor: tf.Tensor): WasmHeap | null {
  if (tf.getBackend() !== 'wasm' || tensor.dtype !== 'float32') return null;
  const backend = tf.backend();
  return (backend as unknown as DataTable).dataIdMap.has(tensor.dataId) ? (backend as unknown as WasmHeap) : null;
}

/**
 * `tensor`'s values: on wasm a view of the backend's memory, to be read before anything else
 * runs on the backend (an allocation may move it); elsewhere `dataSync`'s copy.
 */
export function floatsOf(tensor: tf.Tensor): Float32Array {
  return wasmHolding(tensor)?.typedArrayFromHeap(tensor) ?? (tensor.dataSync() as Float32Array);
}

/** A float32 tensor of `values`, which the caller may overwrite afterwards. */
export function tensorOf(values: Float32Array, shape: readonly number[]): tf.Tensor {
  // wasm copies the values into its memory as the tensor is made; the cpu backend keeps the array it is given.
  return tf.tensor(tf.getBackend() === 'wasm' ? values : values.slice(), shape as number[], 'float32');
}
