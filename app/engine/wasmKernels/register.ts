/**
 * Makes the wasm backend able to train: registers the missing `Conv2DBackpropFilter`, the
 * faster stride-1 `Conv2DBackpropInput`, and the broadcasting BatchNorm gradient. Idempotent.
 */

import * as tf from '@tensorflow/tfjs';
import { broadcastBatchNormGradient } from './batchNormGradient';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { conv2dBackpropInputWasm } from './conv2dBackpropInput';

let registered = false;

export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) tf.registerKernel(conv2dBackpropFilterWasm);
  const original = tf.getKernel(tf.Conv2DBackpropInput, 'wasm');
  if (original) {
    tf.unregisterKernel(tf.Conv2DBackpropInput, 'wasm');
    tf.registerKernel(conv2dBackpropInputWasm(original));
  }
  tf.registerGradient(broadcastBatchNormGradient);
}
