/**
 * How much memory a training step needs, before a run starts: the activations TensorFlow.js
 * keeps for the backward pass grow with the batch, the weights, their gradients and the
 * optimizer's slots do not. From that: whether the chosen batch fits the memory there is, and
 * the largest batch that does.
 */

import type { OptimizerName } from '../training/hyperparameters';
import type { Totals } from './types';

/**
 * Training bytes per image over the analysis' forward activation bytes. TensorFlow.js keeps
 * every intermediate of the backward pass (batch-norm and activation temporaries, gradients):
 * Inception-v4 at 299×299 measured about 1.3 GB per image against 110 MB of forward
 * activations (docs/performance-notes.md), about 12×.
 */
export const TRAINING_ACTIVATION_FACTOR = 12;

/** The wasm backend's heap cannot grow past 4 GiB. */
export const WASM_HEAP_BYTES = 4 * 1024 ** 3;

const FLOAT_BYTES = 4;

export interface TrainingMemoryInput {
  totals: Pick<Totals, 'trainable' | 'nonTrainable' | 'activationBytes' | 'largestActivationBytes'>;
  /** Network input `[height, width, channels]`. */
  input: readonly number[];
  optimizer: OptimizerName;
  momentum: number;
  /** A moving average of the weights keeps one more copy of them when > 0. */
  emaDecay: number;
  batchSize: number;
  availableBytes: number;
  /** The largest single buffer the backend can hold (WebGPU: its buffer and binding limits); one layer's output for the whole batch must fit. */
  maxTensorBytes?: number;
  /**
   * Data-parallel replicas (wasm worker threads), each with its own `availableBytes` heap: each
   * holds the weights, their gradients and its share of the batch; replica 0 also the optimizer
   * slots and averages. Default 1.
   */
  replicas?: number;
}

export interface TrainingMemoryEstimate {
  /** Bytes each image of a batch adds. */
  perImageBytes: number;
  /** Bytes that do not depend on the batch: weights, gradients, optimizer slots, averages. */
  fixedBytes: number;
  /** Estimated peak for the chosen batch, all replicas together. */
  totalBytes: number;
  availableBytes: number;
  fits: boolean;
  /** The largest batch that fits (every replica's share in its heap); 0 when not even one image does. */
  largestBatch: number;
  /** What caps the batch: the memory there is, or the largest single GPU buffer. */
  limitedBy: 'memory' | 'buffer';
  /** Why the design will not train as set up, and what to change; null when it fits. */
  warning: string | null;
}

/** Per-weight tensors the optimizer keeps (tfjs: RMSProp mean square + momentum, Adam m + v). */
export function optimizerSlots(optimizer: OptimizerName, momentum: number): number {
  if (optimizer === 'adam') return 2;
  if (optimizer === 'rmsprop') return momentum > 0 ? 2 : 1;
  return momentum > 0 ? 1 : 0;
}

export function estimateTrainingMemory(input: TrainingMemoryInput): TrainingMemoryEstimate {
  const { totals, optimizer, momentum, emaDecay, batchSize, availableBytes, maxTensorBytes } = input;
  const inputBytes = input.input.reduce((product, size) => product * size, FLOAT_BYTES);
  // The batch is held twice while it is decoded and augmented.
  const perImageBytes = totals.activationBytes * TRAINING_ACTIVATION_FACTOR + 2 * inputBytes;
  const weightCopies = 1 + 1 + optimizerSlots(optimizer, momentum) + (emaDecay > 0 ? 1 : 0);
  const fixedBytes = totals.trainable * FLOAT_BYTES * weightCopies + totals.nonTrainable * FLOAT_BYTES;
  const replicas = input.replicas ?? 1;
  const replicaBytes = totals.trainable * FLOAT_BYTES * 2 + totals.nonTrainable * FLOAT_BYTES;
  const totalBytes = fixedBytes + (replicas - 1) * replicaBytes + perImageBytes * batchSize;
  // Replica 0 holds the most: the optimizer's state and the largest share.
  const share = Math.ceil(batchSize / replicas);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: unreachable at 0: perImageBytes holds the input image twice, positive for every input the analysis accepts
  const byMemory = perImageBytes > 0 ? replicas * Math.max(0, Math.floor((availableBytes - fixedBytes) / perImageBytes)) : Number.POSITIVE_INFINITY;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a zero largest output divides a positive buffer limit to Infinity, the same as no cap
  const byBuffer = maxTensorBytes !== undefined && totals.largestActivationBytes > 0 ? Math.floor(maxTensorBytes / totals.largestActivationBytes) : Number.POSITIVE_INFINITY;
  const limitedBy = byBuffer < byMemory ? 'buffer' : 'memory';
  const largestBatch = Math.min(byMemory, byBuffer);
  const fits = fixedBytes + perImageBytes * share <= availableBytes && batchSize <= byBuffer;
  const warning = fits ? null : limitedBy === 'buffer' ? bufferWarning(batchSize, largestBatch, totals.largestActivationBytes, maxTensorBytes ?? 0) : warningFor(batchSize, largestBatch);
  return { perImageBytes, fixedBytes, totalBytes, availableBytes, fits, largestBatch, limitedBy, warning };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function bufferWarning(batchSize: number, largestBatch: number, perImage: number, maxTensorBytes: number): string {
  const what = `one layer's output takes ${mib(perImage)} per image and the GPU holds at most ${mib(maxTensorBytes)} in one buffer`;
  if (largestBatch === 0) return `Not even one image fits: ${what}. Use a smaller input size or a narrower width, or another backend.`;
  return `Batch ${batchSize} will not fit: ${what}, so the largest batch is ${largestBatch}. Lower the batch size (and the learning rate with it).`;
}

function warningFor(batchSize: number, largestBatch: number): string {
  if (largestBatch === 0) {
    return 'Not even one image fits in the memory available: use a smaller input size, a narrower width or fewer repeated blocks, or a backend with more memory.';
  }
  return `Batch ${batchSize} will not fit: the largest batch that does is ${largestBatch}. Lower the batch size (and the learning rate with it) or use a backend with more memory.`;
}
