/**
 * poolKernels.wat in its own small WebAssembly instance, one per thread, its memory grown to the
 * largest pool it has seen: the tensors are copied in and the gradient out, since a module
 * cannot read another's memory.
 */

import type * as tf from '@tensorflow/tfjs';
import { POOL_KERNELS_WASM } from './poolKernelsWasm';

interface PoolKernelExports {
  memory: WebAssembly.Memory;
  maxPoolBackprop(...args: number[]): void;
}

const PAGE_BYTES = 65536;

let instance: PoolKernelExports | null = null;

/** Byte length of `floats` float32s rounded up to 16, so every area starts aligned for SIMD loads. */
const alignedBytes = (floats: number): number => Math.ceil(floats / 4) * 16;

function kernelsWithRoom(bytes: number): PoolKernelExports {
  instance ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(POOL_KERNELS_WASM, 'base64'))).exports as unknown as PoolKernelExports;
  const have = instance.memory.buffer.byteLength / PAGE_BYTES;
  const needed = Math.ceil(bytes / PAGE_BYTES);
  if (needed > have) instance.memory.grow(needed - have);
  return instance;
}

/**
 * Writes into `dx` (the size of `x`) the input gradient of a max pool over `x` (NHWC) with the
 * geometry `info`, given the pool's output gradient `dy`.
 */
export function maxPoolBackpropInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const dyAt = alignedBytes(x.length);
  const dxAt = dyAt + alignedBytes(dy.length);
  const k = kernelsWithRoom(dxAt + alignedBytes(x.length));
  const memory = k.memory.buffer;
  new Float32Array(memory, 0, x.length).set(x);
  new Float32Array(memory, dyAt, dy.length).set(dy);
  const gradient = new Float32Array(memory, dxAt, x.length);
  gradient.fill(0);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  k.maxPoolBackprop(0, dyAt, dxAt, batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo.top, padInfo.left);
  dx.set(gradient);
}
