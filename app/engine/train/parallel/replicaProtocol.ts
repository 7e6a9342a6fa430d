/**
 * The messages between a data-parallel run's main thread (replica 0, which owns the optimizer)
 * and each replica worker. Weights go one way and gradients the other through shared memory;
 * the messages carry only the shard of the batch and the shard's metrics.
 */

import type { TrainConfig } from '../../../training/types';
import type { PhaseTotals } from './phaseClock';

/** What a replica worker is started with (`workerData`). */
export interface ReplicaSetup {
  /** The run's design document text, its classifier sized to the classes. */
  design: string;
  classNames: readonly string[];
  config: TrainConfig;
  /** 1, 2, …: replica 0 is the main thread. */
  replica: number;
  /** Every weight of the model (`model.weights` order), written by the main thread before each step. */
  weights: SharedArrayBuffer;
  /** This replica's gradients (`trainableWeights` order), written by the replica during a step. */
  gradients: SharedArrayBuffer;
  /** This replica's non-trainable weights after its step (the batch-norm moving averages it updated). */
  statistics: SharedArrayBuffer;
}

/** The one command: train on this share of a batch (the weights are already in shared memory). */
export interface ReplicaStep {
  type: 'step';
  globalStep: number;
  pixels: Float32Array;
  labels: Int32Array;
  size: number;
}

export type ReplicaReply =
  | { type: 'ready' }
  | { type: 'done'; loss: number; top1Correct: number; top5Correct: number; /** Where this step's time went on the replica's thread. */ phases: PhaseTotals }
  | { type: 'failed'; message: string };
