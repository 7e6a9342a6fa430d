/** Cross-entropy on the network's class probabilities, with optional label smoothing. */

import * as tf from '@tensorflow/tfjs';

/** Smallest probability fed to the logarithm, as in Keras' categorical cross-entropy. */
const floor = 1e-7;

/** Mean over the batch of `−Σ y · log p`, with `y` the (smoothed) one-hot labels. */
export function crossEntropy(probabilities: tf.Tensor2D, labels: tf.Tensor1D, classes: number, labelSmoothing: number): tf.Scalar {
  return tf.tidy(() => {
    // At 0 smoothing this is × 1 + 0, exactly the one-hot labels: two tiny ops are not worth a branch.
    const targets = tf.oneHot(labels, classes).toFloat().mul(1 - labelSmoothing).add(labelSmoothing / classes);
    return targets.mul(probabilities.clipByValue(floor, 1).log()).sum(1).mean().neg() as tf.Scalar;
  });
}

/**
 * Adds the gradient of TF-slim's weight decay, `weightDecay · Σ ‖kernel‖² / 2`, to the
 * gradients: `weightDecay · kernel` for each kernel. Differentiating the penalty through the
 * loss instead costs four passes over every kernel per step (a Sum gradient broadcasting a
 * [1,1,1,1] tensor — a slow path in wasm — times ones, then the Square gradient), and the
 * penalty's own value is never reported. Returns new tensors; the inputs are left alone.
 */
export function addWeightDecay(grads: readonly tf.Tensor[], variables: readonly tf.Variable[], kernels: readonly tf.Variable[], weightDecay: number): tf.Tensor[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a decay of 0 adds 0 · kernel, the same gradients; the test only skips the ops (its `false`, never decaying, fails addWeightDecay's tests: checked by hand)
  const decayed = new Set(weightDecay > 0 ? kernels : []);
  return grads.map((g, i) => (decayed.has(variables[i]) ? tf.tidy(() => tf.add(g, tf.mul(variables[i], weightDecay))) : g.clone()));
}

/**
 * Scales gradients so their global norm is at most `clipNorm` (TF's `clip_by_global_norm`).
 * The norm is read asynchronously: the webgpu backend cannot read a tensor synchronously in Node.
 */
export async function clipByGlobalNorm(grads: readonly tf.Tensor[], clipNorm: number): Promise<{ clipped: tf.Tensor[]; norm: number }> {
  const normTensor = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  const norm = (await normTensor.data())[0];
  normTensor.dispose();
  // Not `norm <= clipNorm`: a NaN norm is left alone too. At norm = clipNorm either way gives the same gradients (scale 1).
  // Stryker disable next-line EqualityOperator: see above, equal at the boundary
  const over = norm > clipNorm;
  if (clipNorm <= 0 || !over) return { clipped: grads.map((g) => g.clone()), norm };
  const scale = clipNorm / norm;
  return { clipped: grads.map((g) => tf.tidy(() => g.mul(scale))), norm };
}
