/**
 * Running the same model with the same weights on two backends: weights travel as plain
 * arrays, so nothing depends on a tensor living on the other backend.
 */

import * as tf from '@tensorflow/tfjs';

export type WeightValues = { shape: number[]; values: Float32Array }[];

export function readWeights(model: tf.LayersModel): WeightValues {
  return model.getWeights().map((w) => ({ shape: w.shape, values: w.dataSync() as Float32Array }));
}

export function writeWeights(model: tf.LayersModel, weights: WeightValues): void {
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** Gradients of `sum(output²)` (training mode) for every trainable weight, in weight order. */
export function weightGradients(model: tf.LayersModel, input: tf.Tensor): Float32Array[] {
  return tf.tidy(() => {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => tf.square(model.apply(input, { training: true }) as tf.Tensor).sum() as tf.Scalar, variables);
    return variables.map((v) => grads[v.name].dataSync() as Float32Array);
  });
}
