/**
 * Makes the wasm backend able to train: registers the missing `Conv2DBackpropFilter`, the
 * faster `Conv2DBackpropInput` and stride-1 `AvgPoolGrad`, and the broadcasting BatchNorm
 * gradient. Idempotent.
 */

import * as tf from '@tensorflow/tfjs';
import { avgPoolGradWasm } from './avgPoolGrad';
import { broadcastBatchNormGradient } from './batchNormGradient';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { conv2dBackpropInputWasm } from './conv2dBackpropInput';

let registered = false;

export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) tf.registerKernel(conv2dBackpropFilterWasm);
  replaceKernel(tf.Conv2DBackpropInput, conv2dBackpropInputWasm);
  replaceKernel(tf.AvgPoolGrad, avgPoolGradWasm);
  tf.registerGradient(broadcastBatchNormGradient);
}

/** Wraps wasm's own kernel, which the replacement falls back to where it is faster. */
function replaceKernel(name: string, wrap: (original: tf.KernelConfig) => tf.KernelConfig): void {
  const original = tf.getKernel(name, 'wasm');
  if (!original) return;
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel(wrap(original));
}
