/**
 * Running the same model with the same weights on two backends: weights travel as plain
 * arrays, so nothing depends on a tensor living on the other backend. Reads are asynchronous:
 * the webgpu backend cannot read a tensor synchronously in Node.
 */

import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backends/select';

export type WeightValues = { shape: number[]; values: Float32Array }[];

export async function readWeights(model: tf.LayersModel): Promise<WeightValues> {
  return Promise.all(model.getWeights().map(async (w) => ({ shape: w.shape, values: (await w.data()) as Float32Array })));
}

export function writeWeights(model: tf.LayersModel, weights: WeightValues): void {
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** Gradients of `sum(output²)` (training mode) for every trainable weight, in weight order. */
export async function weightGradients(model: tf.LayersModel, input: tf.Tensor): Promise<Float32Array[]> {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.square(model.apply(input, { training: true }) as tf.Tensor).sum() as tf.Scalar), variables);
  const ordered = variables.map((v) => grads[v.name]);
  const values = await Promise.all(ordered.map(async (g) => (await g.data()) as Float32Array));
  tf.dispose([value, ...ordered]);
  return values;
}

/** The model's output in inference mode, read asynchronously. */
export async function forwardValues(model: tf.LayersModel, input: tf.Tensor): Promise<Float32Array> {
  const output = model.predict(input) as tf.Tensor;
  const values = (await output.data()) as Float32Array;
  output.dispose();
  return values;
}

/**
 * Each case's result on the pure-JS cpu backend, the reference a wasm kernel is checked against;
 * the wasm backend is selected afterwards, for the kernels under test.
 */
export async function cpuReferences<C, R>(cases: readonly C[], compute: (c: C) => R): Promise<Map<C, R>> {
  await selectBackend({ backend: 'cpu' });
  const references = new Map(cases.map((c) => [c, compute(c)]));
  await selectBackend({ backend: 'wasm' });
  return references;
}
