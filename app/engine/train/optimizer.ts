/**
 * The optimizers of a run. RMSProp follows TF1's `tf.train.RMSPropOptimizer`, which the paper
 * used: tfjs computes `lr · g / sqrt(ms + ε)` with ε inside the square root exactly like TF1
 * (Keras 2 and PyTorch put ε outside: `g / (sqrt(ms) + ε)`, where ε = 1.0 would be a very
 * different rule), but tfjs starts the mean square `ms` at 0 while TF1 starts it at 1. We seed
 * the accumulators with ones before the first step so the first updates match TF1's as well.
 */

import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../../training/types';
import { FlatOptimizer } from './flatOptimizer';
import { flatRule } from './flatUpdateRules';
import { FlatWeightAverage } from './flatWeightAverage';
import { TensorWeightAverage, type WeightAverage } from './weightAverage';

/** Backends whose tensors live in this process's memory: their updates run as flat loops (`FlatOptimizer`). */
const HOST_MEMORY_BACKENDS = new Set(['wasm', 'cpu']);

/** The run's optimizer for the active backend: the same update either way, bit for bit. */
export function createOptimizer(config: TrainConfig): tf.Optimizer {
  if (HOST_MEMORY_BACKENDS.has(tf.getBackend())) return new FlatOptimizer(flatRule(config), config.learningRate);
  return createTfjsOptimizer(config);
}

/** The run's average of the weights for the active backend (`initial`: restored from a checkpoint); the same values either way. */
export function createWeightAverage(variables: readonly tf.Variable[], decay: number, initial?: { shadows: readonly tf.Tensor[]; updates: number }): WeightAverage {
  if (HOST_MEMORY_BACKENDS.has(tf.getBackend())) return new FlatWeightAverage(variables, decay, initial);
  return new TensorWeightAverage(variables, decay, initial);
}

/** tfjs' own optimizer for `config`, whose update is a few kernels per variable on the backend. */
export function createTfjsOptimizer(config: TrainConfig): tf.Optimizer {
  switch (config.optimizer) {
    case 'rmsprop':
      return tf.train.rmsprop(config.learningRate, config.rmsDecay, config.momentum, config.epsilon, false);
    case 'sgd':
      return tf.train.momentum(config.learningRate, config.momentum, false);
    case 'adam':
      return tf.train.adam(config.learningRate, 0.9, 0.999, 1e-7);
  }
}

/**
 * RMSProp, Adam and `FlatOptimizer` read a `learningRate` field afresh every update; tfjs' SGD
 * and momentum keep `−rate` in a tensor that only their own `setLearningRate` replaces.
 */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  // Not `instanceof tf.SGDOptimizer`: tfjs answers that by duck typing, true for every optimizer.
  const settable = optimizer as Partial<Pick<tf.SGDOptimizer, 'setLearningRate'>>;
  if (typeof settable.setLearningRate === 'function') settable.setLearningRate(rate);
  else (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/** TF1 initialises RMSProp's mean square to ones (`init_rms = ones`); tfjs to zeros. */
export async function initialiseLikeTf1(optimizer: tf.Optimizer, config: TrainConfig, variables: readonly tf.Variable[]): Promise<void> {
  if (config.optimizer !== 'rmsprop') return;
  const meanSquares = variables.map((v) => ({ name: `${v.name}/rms`, tensor: tf.onesLike(v) }));
  const moments = variables.map((v) => ({ name: `${v.name}/momentum`, tensor: tf.zerosLike(v) }));
  // Stryker disable next-line StringLiteral: tfjs reads the iterations from the first weight, whatever its name
  const iterations = { name: 'iter', tensor: tf.scalar(0, 'int32') };
  await optimizer.setWeights([iterations, ...meanSquares, ...moments]);
  tf.dispose([iterations.tensor, ...meanSquares.map((w) => w.tensor), ...moments.map((w) => w.tensor)]);
}
