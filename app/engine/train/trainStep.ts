/** One optimisation step: forward in training mode, loss, gradients (of a whole batch or one replica's share), clipping, update. */

import * as tf from '@tensorflow/tfjs';
import { topKCorrect } from '../../training/metrics';
import type { TrainConfig } from '../../training/types';
import type { Batch } from '../data/batchStream';
import { checkWebGpuErrors } from '../backends/webgpu';
import { addWeightDecay, clipByGlobalNorm, crossEntropy } from './lossAndMetrics';
import { isFlatOptimizer, type GradientSettings } from './flatOptimizer';

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
    // Stryker disable next-line Regex: no layer here names a weight with `kernel` inside its name but not at its end
    kernels: trainable.filter((w) => /kernel$/.test(w.originalName)).map((w) => w.read() as tf.Variable),
    classes,
    input: [h, w, c],
  };
}

export function batchTensor(batch: Batch, input: readonly [number, number, number]): tf.Tensor4D {
  return tf.tensor4d(batch.pixels, [batch.size, ...input]);
}

/** A share of a batch's gradients: what one replica computes before any update. */
export interface ShardGradients {
  /** Gradients of the shard's mean loss, in the order of `net.variables`. */
  grads: tf.Tensor[];
  loss: number;
  top1Correct: number;
  top5Correct: number;
}

/** Forward in training mode and backward on one batch (or one replica's share of it); touches no weights. */
export async function shardGradients(net: TrainableModel, config: TrainConfig, batch: Batch): Promise<ShardGradients> {
  const x = batchTensor(batch, net.input);
  const labels = tf.tensor1d(batch.labels, 'int32');
  let probabilities: tf.Tensor2D | null = null;
  let crossEntropyValue: tf.Scalar | null = null;
  try {
    const { value, grads } = tf.variableGrads(() => {
      const output = net.model.apply(x, { training: true }) as tf.Tensor2D;
      probabilities = tf.keep(output);
      crossEntropyValue = tf.keep(crossEntropy(output, labels, net.classes, config.labelSmoothing));
      return crossEntropyValue.clone();
    }, [...net.variables]);
    value.dispose();
    const ordered = net.variables.map((v) => grads[v.name]);
    const [probs, loss] = await Promise.all([(probabilities as unknown as tf.Tensor2D).data(), (crossEntropyValue as unknown as tf.Scalar).data()]);
    return {
      grads: ordered,
      loss: loss[0],
      top1Correct: topKCorrect(probs, batch.labels, net.classes, 1),
      top5Correct: topKCorrect(probs, batch.labels, net.classes, 5),
    };
  } finally {
    // tf.dispose passes over the nulls a forward pass that failed leaves behind.
    tf.dispose([x, labels, probabilities, crossEntropyValue] as unknown as tf.Tensor[]);
  }
}

/** Weight decay, clipping and the optimizer's update from a whole batch's gradients (left alone); returns the gradient norm. */
export async function applyGradients(net: TrainableModel, optimizer: tf.Optimizer, config: TrainConfig, grads: readonly tf.Tensor[]): Promise<number> {
  if (isFlatOptimizer(optimizer)) return optimizer.update(net.variables, grads, gradientSettings(net, config));
  const total = addWeightDecay(grads, net.variables, net.kernels, config.weightDecay);
  const { clipped, norm } = await clipByGlobalNorm(total, config.clipNorm);
  tf.dispose(total);
  // A GPU failure in the backward pass must stop the step before it touches the weights.
  checkWebGpuErrors();
  optimizer.applyGradients(net.variables.map((v, i) => ({ name: v.name, tensor: clipped[i] })));
  tf.dispose(clipped);
  checkWebGpuErrors();
  return norm;
}

/** Weight decay on the kernels and clipping, as `applyGradients` treats tensors, for a `FlatOptimizer`. */
export function gradientSettings(net: TrainableModel, config: TrainConfig): GradientSettings {
  const kernels = new Set(net.kernels);
  return { decayed: net.variables.map((v) => kernels.has(v)), weightDecay: config.weightDecay, clipNorm: config.clipNorm };
}

/** One optimisation step on one backend instance: the whole batch's gradients, then the update. */
export async function trainStep(net: TrainableModel, optimizer: tf.Optimizer, config: TrainConfig, batch: Batch): Promise<StepOutcome> {
  const shard = await shardGradients(net, config, batch);
  try {
    const gradientNorm = await applyGradients(net, optimizer, config, shard.grads);
    return { loss: shard.loss, top1Correct: shard.top1Correct, top5Correct: shard.top5Correct, gradientNorm };
  } finally {
    tf.dispose(shard.grads);
  }
}
