/** poolKernels.wat: the tensors copied into its memory, the gradient copied out. */

import type * as tf from '@tensorflow/tfjs';
import { alignedBytes, KernelInstance } from './kernelInstance';
import { POOL_KERNELS_WASM } from './poolKernelsWasm';

interface PoolKernelExports {
  memory: WebAssembly.Memory;
  maxPoolBackprop(...args: number[]): void;
}

const kernels = new KernelInstance<PoolKernelExports>(POOL_KERNELS_WASM);

/** Floats of input a block of images may hold (4 MiB), so the module's memory stays small whatever the batch. */
const BLOCK_FLOATS = 1 << 20;

/**
 * Writes into `dx` (the size of `x`) the input gradient of a max pool over `x` (NHWC) with the
 * geometry `info`, given the pool's output gradient `dy`; a block of whole images at a time
 * (windows never cross images).
 */
export function maxPoolBackpropInto(x: Float32Array, dy: Float32Array, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const imageIn = inHeight * inWidth * inChannels;
  const imageOut = outHeight * outWidth * inChannels;
  const images = Math.max(1, Math.min(batchSize, Math.floor(BLOCK_FLOATS / imageIn)));
  const dyAt = alignedBytes(images * imageIn);
  const dxAt = dyAt + alignedBytes(images * imageOut);
  const k = kernels.withRoom(dxAt + alignedBytes(images * imageIn));
  for (let first = 0; first < batchSize; first += images) {
    const count = Math.min(images, batchSize - first);
    new Float32Array(k.memory.buffer, 0, count * imageIn).set(x.subarray(first * imageIn, (first + count) * imageIn));
    new Float32Array(k.memory.buffer, dyAt, count * imageOut).set(dy.subarray(first * imageOut, (first + count) * imageOut));
    const gradient = new Float32Array(k.memory.buffer, dxAt, count * imageIn);
    gradient.fill(0);
    k.maxPoolBackprop(0, dyAt, dxAt, count, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo.top, padInfo.left);
    dx.set(gradient, first * imageIn);
  }
}
