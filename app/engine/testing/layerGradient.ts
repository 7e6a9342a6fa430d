/** Gradients through the layers API on the current backend, for kernel parity tests. */

import * as tf from '@tensorflow/tfjs';
import { seededValues } from './seededData';

/** Input gradient of Σ w·layer(x), with seeded weights w over the layer's output (a loss every output position feeds differently). */
export function weightedInputGradient(layer: tf.layers.Layer, x: tf.Tensor4D, weightSeed: number): Float32Array {
  return tf.tidy(() => {
    const outShape = layer.computeOutputShape(x.shape) as number[];
    const weights = tf.tensor(seededValues(outShape.reduce((a, b) => a * b, 1), weightSeed), outShape);
    return tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(layer.apply(xi) as tf.Tensor, weights)))(x).dataSync() as Float32Array;
  });
}
