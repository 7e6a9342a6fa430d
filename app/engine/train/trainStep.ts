/** One optimisation step: forward in training mode, loss, gradients, clipping, update. */

import * as tf from '@tensorflow/tfjs';
import { topKCorrect } from '../../training/metrics';
import type { TrainConfig } from '../../training/types';
import type { Batch } from '../data/batchStream';
import { checkWebGpuErrors } from '../backends/webgpu';
import { addWeightDecay, clipByGlobalNorm, crossEntropy } from './lossAndMetrics';

export interface TrainableModel {
  model: tf.LayersModel;
  /** The trainable variables, in a fixed order (optimizer slots are matched by position). */
  variables: readonly tf.Variable[];
  /** Convolution and dense kernels, the weights that weight decay applies to. */
  kernels: readonly tf.Variable[];
  classes: number;
  /** [height, width, channels] of the network input. */
  input: readonly [number, number, number];
}

export interface StepOutcome {
  /** Mean cross-entropy of the batch (without the weight penalty). */
  loss: number;
  top1Correct: number;
  top5Correct: number;
  gradientNorm: number;
}

export function trainableModel(model: tf.LayersModel, classes: number): TrainableModel {
  const trainable = model.trainableWeights;
  const [, h, w, c] = model.inputs[0].shape as number[];
  return {
    model,
    variables: trainable.map((w) => w.read() as tf.Variable),
    kernels: trainable.filter((w) => /kernel$/.test(w.originalName)).map((w) => w.read() as tf.Variable),
    classes,
    input: [h, w, c],
  };
}

export function batchTensor(batch: Batch, input: readonly [number, number, number]): tf.Tensor4D {
  return tf.tensor4d(batch.pixels, [batch.size, ...input]);
}

export async function trainStep(net: TrainableModel, optimizer: tf.Optimizer, config: TrainConfig, batch: Batch): Promise<StepOutcome> {
  const x = batchTensor(batch, net.input);
  const labels = tf.tensor1d(batch.labels, 'int32');
  let probabilities: tf.Tensor2D | null = null;
  let crossEntropyValue: tf.Scalar | null = null;
  try {
    const { value, grads } = optimizer.computeGradients(() => {
      const output = net.model.apply(x, { training: true }) as tf.Tensor2D;
      probabilities = tf.keep(output);
      crossEntropyValue = tf.keep(crossEntropy(output, labels, net.classes, config.labelSmoothing));
      return crossEntropyValue.clone();
    }, [...net.variables]);
    const ordered = net.variables.map((v) => grads[v.name]);
    const total = addWeightDecay(ordered, net.variables, net.kernels, config.weightDecay);
    tf.dispose([value, ...ordered]);
    const { clipped, norm } = await clipByGlobalNorm(total, config.clipNorm);
    tf.dispose(total);
    // A GPU failure in the backward pass must stop the step before it touches the weights.
    checkWebGpuErrors();
    optimizer.applyGradients(net.variables.map((v, i) => ({ name: v.name, tensor: clipped[i] })));
    tf.dispose(clipped);
    const [probs, loss] = await Promise.all([(probabilities as unknown as tf.Tensor2D).data(), (crossEntropyValue as unknown as tf.Scalar).data()]);
    checkWebGpuErrors();
    return {
      loss: loss[0],
      top1Correct: topKCorrect(probs, batch.labels, net.classes, 1),
      top5Correct: topKCorrect(probs, batch.labels, net.classes, 5),
      gradientNorm: norm,
    };
  } finally {
    tf.dispose([x, labels, ...(probabilities ? [probabilities] : []), ...(crossEntropyValue ? [crossEntropyValue] : [])]);
  }
}
