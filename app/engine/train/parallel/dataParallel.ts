/**
 * Data-parallel training on the wasm backend: the main thread is replica 0 and owns the
 * optimizer, the averages and the checkpoints; each other replica is a worker thread with its
 * own wasm instance and an identical model. Per step every replica computes the gradients of
 * its share of the batch, with batch-norm statistics of that share (as TF-slim's multi-clone
 * training does); the main thread sums them in replica order, weighted by share size, and takes
 * one optimizer step. The moving averages become the share-weighted mean of every replica's
 * update, so they see the whole batch. The new weights, moving averages included, reach every
 * replica through shared memory before the next step. The same seed and replica count give the
 * same run.
 */

import * as tf from '@tensorflow/tfjs';
import type { Worker } from 'node:worker_threads';
import type { TrainConfig } from '../../../training/types';
import type { Batch } from '../../data/batchStream';
import { isFlatOptimizer } from '../flatOptimizer';
import { applyGradients, gradientSettings, shardGradients, type StepOutcome, type TrainableModel } from '../trainStep';
import { batchShards } from './batchShards';
import { addPhaseTotals, NO_PHASES, PhaseClock, type PhaseTotals } from './phaseClock';
import type { ReplicaReply, ReplicaSetup } from './replicaProtocol';
import { nextMessage, startEngineThreads, stopEngineThreads } from '../../engineThreads';
import { sharedFloats, tensorLayout, tensorValues, writeTensors, type TensorLayout } from './sharedTensors';

export class DataParallelTrainer {
  private constructor(
    private readonly net: TrainableModel,
    private readonly config: TrainConfig,
    private readonly workers: readonly Worker[],
    private readonly weights: Float32Array,
    private readonly weightLayout: TensorLayout,
    /** Replica r's gradients at index r; replica 0's are the main thread's own, copied in. */
    private readonly gradients: readonly Float32Array[],
    private readonly gradientLayout: TensorLayout,
    /** Replica r's non-trainable weights after its step, as `gradients`. */
    private readonly statistics: readonly Float32Array[],
    private readonly statisticLayout: TensorLayout,
  ) {}

  private readonly clock = new PhaseClock();
  private replicaPhases: PhaseTotals[] = [];

  /** Starts `replicas − 1` workers on the run's design (`design`: its document text) beside the main thread's `net`. */
  static async start(net: TrainableModel, design: string, classNames: readonly string[], config: TrainConfig, replicas: number): Promise<DataParallelTrainer> {
    const weightLayout = tensorLayout(net.model.weights.map((w) => w.shape as number[]));
    const gradientLayout = tensorLayout(net.variables.map((v) => v.shape));
    const weights = sharedFloats(weightLayout);
    const statisticLayout = tensorLayout(net.model.nonTrainableWeights.map((w) => w.shape as number[]));
    const gradients = Array.from({ length: replicas }, () => sharedFloats(gradientLayout));
    const statistics = Array.from({ length: replicas }, () => sharedFloats(statisticLayout));
    const setups: ReplicaSetup[] = gradients.slice(1).map((buffer, i) => ({ design, classNames, config, replica: i + 1, weights, gradients: buffer, statistics: statistics[i + 1] }));
    const workers = await startEngineThreads('replicaWorker', setups, (i) => `Training replica ${i + 1}`);
    const floats = (buffers: SharedArrayBuffer[]): Float32Array[] => buffers.map((b) => new Float32Array(b));
    return new DataParallelTrainer(net, config, workers, new Float32Array(weights), weightLayout, floats(gradients), gradientLayout, floats(statistics), statisticLayout);
  }

  get replicas(): number {
    return this.workers.length + 1;
  }

  /**
   * One step on `batch`: the caller has set the learning rate, seeded replica 0's dropout and
   * set its batch-norm decay for `globalStep` (`BatchNormWarmup`), as for a single replica; the
   * other replicas set theirs the same way.
   */
  async step(optimizer: tf.Optimizer, batch: Batch, globalStep: number): Promise<StepOutcome> {
    const clock = this.clock;
    clock.timeSync('weights out', () =>
      writeTensors(
        this.net.model.weights.map((w) => w.read()),
        this.weights,
        this.weightLayout,
      ),
    );
    const shards = batchShards(batch, this.replicas);
    const busy = this.workers.map((worker, i) => {
      const shard = shards[i + 1];
      if (shard.size === 0) return Promise.resolve(null);
      const reply = nextMessage<ReplicaReply, 'done'>(worker, `Training replica ${i + 1}`, 'done');
      // Copies of the share alone: a view posted as it is would clone the whole batch's buffer with it.
      // Stryker disable next-line MethodExpression: the worker reads the same values either way; only the bytes cloned differ
      worker.postMessage({ type: 'step', globalStep, pixels: shard.pixels.slice(), labels: shard.labels.slice(), size: shard.size });
      return reply;
    });
    // A failed worker must not leave the others' replies unobserved while this thread computes.
    const replies = Promise.all(busy);
    replies.catch(() => undefined);
    const own = await clock.time('forward+backward', () => shardGradients(this.net, this.config, shards[0]));
    const moving = this.net.model.nonTrainableWeights;
    try {
      clock.timeSync('gradients out', () => {
        writeTensors(own.grads, this.gradients[0], this.gradientLayout);
        writeTensors(
          moving.map((w) => w.read()),
          this.statistics[0],
          this.statisticLayout,
        );
      });
    } finally {
      tf.dispose(own.grads);
    }
    const others = await clock.time('waiting for replicas', () => replies);
    others.forEach((r, i) => {
      if (r) this.replicaPhases[i] = addPhaseTotals(this.replicaPhases[i] ?? NO_PHASES, r.phases);
    });
    const outcomes = [{ ...own, size: shards[0].size }, ...others.map((r, i) => (r ? { ...r, size: shards[i + 1].size } : null))];
    const weightsOf = outcomes.map((o) => (o ? o.size / batch.size : 0));
    clock.timeSync('statistics', () => {
      // The moving averages are linear in the batch statistics: the weighted mean of the replicas'
      // updates is the update with the weighted mean of their statistics.
      tf.tidy(() => moving.forEach((w, index) => w.write(tf.tensor(weightedSum(this.statistics, this.statisticLayout, index, weightsOf), w.shape as number[]))));
    });
    const gradientNorm = await clock.time('optimizer', () => this.update(optimizer, weightsOf));
    clock.endStep();
    let loss = 0;
    let top1Correct = 0;
    let top5Correct = 0;
    outcomes.forEach((o, r) => {
      if (!o) return;
      loss += weightsOf[r] * o.loss;
      top1Correct += o.top1Correct;
      top5Correct += o.top5Correct;
    });
    return { loss, top1Correct, top5Correct, gradientNorm };
  }

  /** The update from the replicas' gradients summed with `weightsOf`; a flat optimizer sums them where it updates. */
  private async update(optimizer: tf.Optimizer, weightsOf: readonly number[]): Promise<number> {
    if (isFlatOptimizer(optimizer)) {
      return optimizer.update(this.net.variables, { sources: this.gradients, weights: weightsOf }, gradientSettings(this.net, this.config));
    }
    const summed = this.net.variables.map((v, index) => tf.tensor(weightedSum(this.gradients, this.gradientLayout, index, weightsOf), v.shape));
    try {
      return await applyGradients(this.net, optimizer, this.config, summed);
    } finally {
      tf.dispose(summed);
    }
  }

  /** Where the steps since the last `resetPhases` spent their time: this thread's phases, then each worker's. */
  phases(): { main: PhaseTotals; replicas: PhaseTotals[] } {
    return { main: this.clock.totals(), replicas: [...this.replicaPhases] };
  }

  resetPhases(): void {
    this.clock.reset();
    this.replicaPhases = this.workers.map(() => NO_PHASES);
  }

  async close(): Promise<void> {
    await stopEngineThreads(this.workers);
  }
}

/** Σ weight[r] · (tensor `index` of replica r), in replica order (the same sum every run). */
function weightedSum(replicas: readonly Float32Array[], layout: TensorLayout, index: number, weights: readonly number[]): Float32Array {
  const total = new Float32Array(layout.sizes[index]);
  weights.forEach((weight, r) => {
    if (weight === 0) return;
    const values = tensorValues(replicas[r], layout, index);
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
    for (let k = 0; k < total.length; k++) total[k] += weight * values[k];
  });
  return total;
}
