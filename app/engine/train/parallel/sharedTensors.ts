/**
 * Tensors laid end to end in one `Float32Array` (over a `SharedArrayBuffer`), so replicas on
 * other threads read weights and write gradients without copying messages.
 */

import type * as tf from '@tensorflow/tfjs';
import { floatsOf } from '../../wasmKernels/heapTensors';

export interface TensorLayout {
  /** Where each tensor starts, in floats. */
  offsets: readonly number[];
  sizes: readonly number[];
  /** Floats in all. */
  total: number;
}

export function tensorLayout(shapes: readonly (readonly number[])[]): TensorLayout {
  const sizes = shapes.map((shape) => shape.reduce((a, b) => a * b, 1));
  const offsets: number[] = [];
  let total = 0;
  for (const size of sizes) {
    offsets.push(total);
    total += size;
  }
  return { offsets, sizes, total };
}

export function sharedFloats(layout: TensorLayout): SharedArrayBuffer {
  return new SharedArrayBuffer(layout.total * Float32Array.BYTES_PER_ELEMENT);
}

/** Copies each tensor's values into its place in `target` (on wasm straight from the backend's memory). */
export function writeTensors(tensors: readonly tf.Tensor[], target: Float32Array, layout: TensorLayout): void {
  tensors.forEach((tensor, i) => target.set(floatsOf(tensor), layout.offsets[i]));
}

/** The values at tensor `index`'s place in `source`, as a view (no copy). */
export function tensorValues(source: Float32Array, layout: TensorLayout, index: number): Float32Array {
  return source.subarray(layout.offsets[index], layout.offsets[index] + layout.sizes[index]);
}
