/**
 * A batch-norm moving average's step, `current − (current − batch) · rate`. As tfjs ops it is
 * three kernels and a scalar per statistic, two statistics per layer: ~290 kernel calls a step
 * of the small preset, each with its bookkeeping, on vectors of a few dozen floats. On wasm it
 * is one pass in JavaScript over the two tensors' memory, each operation rounded to float32 as
 * the kernels round it, so the averages are the same bits either way.
 */

import * as tf from '@tensorflow/tfjs';
import { floatsOf, tensorOf } from '../wasmKernels/heapTensors';

export function movingAverage(current: tf.Tensor, batch: tf.Tensor, rate: number): tf.Tensor {
  // Elsewhere the values may lie on a GPU, which Node cannot read synchronously.
  if (tf.getBackend() !== 'wasm') return tf.tidy(() => tf.sub(current, tf.mul(tf.sub(current, batch), rate)));
  const values = floatsOf(current);
  const batchValues = floatsOf(batch);
  const k = Math.fround(rate);
  const next = new Float32Array(values.length);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
  for (let i = 0; i < next.length; i++) next[i] = values[i] - Math.fround(Math.fround(values[i] - batchValues[i]) * k);
  return tensorOf(next, current.shape);
}
