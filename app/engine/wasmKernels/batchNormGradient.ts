/**
 * The FusedBatchNorm gradient with broadcasting: tfjs-core's version tiles the per-channel
 * factor to the full activation shape and multiplies `dy` by a scalar 1 when there is no
 * scale, each a full pass over the activations. Same mathematics, fewer full-size tensors.
 */

import * as tf from '@tensorflow/tfjs';

export const broadcastBatchNormGradient: tf.GradConfig = {
  kernelName: tf.FusedBatchNorm,
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved as tf.Tensor[];
    const dyT = dy as tf.Tensor;
    const reductionAxes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: tf.Tensor): tf.Tensor => (reductionAxes.length > 0 ? tf.sum(t, reductionAxes) : t).reshape(mean.shape);
    const rsqrtVariance = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
    // Always a scale: tfjs saves the inputs named above, and cannot save an absent one.
    const factor = tf.mul(rsqrtVariance, scale);
    return {
      x: () => tf.mul(dyT, factor),
      mean: () => tf.neg(reduce(dyT)).mul(factor).reshape(mean.shape),
      variance: () => reduce(tf.mul(dyT, tf.sub(x, mean))).mul(tf.mul(factor, rsqrtVariance.square()).mul(-0.5)).reshape(mean.shape),
      scale: () => reduce(tf.mul(dyT, tf.sub(x, mean))).mul(rsqrtVariance).reshape(mean.shape),
      offset: () => reduce(dyT),
    };
  },
};
