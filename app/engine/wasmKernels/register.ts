/**
 * Makes the wasm backend able to train: registers the missing `Conv2DBackpropFilter`, the
 * faster `Conv2DBackpropInput`, stride-1 `AvgPoolGrad` and `MaxPoolGrad`, the broadcasting
 * BatchNorm gradient and the fused batch normalisation of training; makes `Identity` and a
 * same-dtype `Cast` share memory instead of copying, and `Slice`, `SplitV` and `Concat` copy in
 * long runs; and gives its convolutions explicit SAME padding (XNNPACK's own is wrong for some
 * strided shapes). Idempotent.
 */

import * as tf from '@tensorflow/tfjs';
import { avgPoolGradWasm } from './avgPoolGrad';
import { broadcastBatchNormGradient } from './batchNormGradient';
import { normalizeBatchGradientWasm, normalizeBatchWasm } from './batchNormWasm';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { conv2dBackpropInputWasm } from './conv2dBackpropInput';
import { maxPoolGradWasm } from './maxPoolGrad';
import { fastConcat, fastSlice, fastSplitV } from './rowCopies';
import { sharedIdentity, sharedSameTypeCast } from './sharedCopies';
import { explicitSamePadding } from './samePadding';
import { replaceKernel } from '../backends/replaceKernel';

let registered = false;

export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  if (!tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) tf.registerKernel(conv2dBackpropFilterWasm);
  replaceKernel(tf.Conv2DBackpropInput, 'wasm', conv2dBackpropInputWasm);
  replaceKernel(tf.AvgPoolGrad, 'wasm', avgPoolGradWasm);
  replaceKernel(tf.MaxPoolGrad, 'wasm', maxPoolGradWasm);
  tf.registerKernel(normalizeBatchWasm);
  tf.registerKernel(normalizeBatchGradientWasm);
  replaceKernel(tf.Identity, 'wasm', sharedIdentity);
  replaceKernel(tf.Cast, 'wasm', sharedSameTypeCast);
  replaceKernel(tf.Slice, 'wasm', fastSlice);
  replaceKernel(tf.SplitV, 'wasm', fastSplitV);
  replaceKernel(tf.Concat, 'wasm', fastConcat);
  for (const name of [tf.Conv2D, tf.FusedConv2D, tf.DepthwiseConv2dNative, tf.FusedDepthwiseConv2D]) replaceKernel(name, 'wasm', explicitSamePadding);
  tf.registerGradient(broadcastBatchNormGradient);
}

