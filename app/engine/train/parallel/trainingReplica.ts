/**
 * One replica of data-parallel training, apart from its worker entry (replicaWorker.ts) so tests
 * drive it in-process: the run's model on this thread's backend, and per step the weights from
 * shared memory in, the gradients of its share of the batch and its batch-norm statistics out.
 */

import * as tf from '@tensorflow/tfjs';
import { errorMessage } from '../../../result';
import type { TrainConfig } from '../../../training/types';
import { selectBackend } from '../../backends/select';
import { BatchNormWarmup } from '../batchNormWarmup';
import { seedDropout } from '../dropoutSeeds';
import { parseDesignText, prepareModel } from '../prepareModel';
import { shardGradients, trainableModel, type TrainableModel } from '../trainStep';
import { replicaSeed } from './batchShards';
import { PhaseClock } from './phaseClock';
import type { ReplicaReply, ReplicaSetup, ReplicaStep } from './replicaProtocol';
import { tensorLayout, tensorValues, writeTensors, type TensorLayout } from './sharedTensors';

export type ReplicaDone = Extract<ReplicaReply, { type: 'done' }>;

/** Shared memory seen as floats, with where each tensor lies in it. */
interface SharedTensors {
  values: Float32Array;
  layout: TensorLayout;
}

const sharedTensors = (buffer: SharedArrayBuffer, shapes: readonly (readonly number[])[]): SharedTensors => ({ values: new Float32Array(buffer), layout: tensorLayout(shapes) });

export class TrainingReplica {
  private readonly clock = new PhaseClock();

  private constructor(
    private readonly net: TrainableModel,
    private readonly config: TrainConfig,
    /** Every weight, `model.weights` order: read before each step. */
    private readonly weights: SharedTensors,
    /** `net.variables` order: written by each step. */
    private readonly gradients: SharedTensors,
    /** The non-trainable weights: written by each step. */
    private readonly statistics: SharedTensors,
    private readonly batchNorm: BatchNormWarmup,
    private readonly dropoutSeed: number,
  ) {}

  /** Builds the replica's model on the active backend; throws what preparing the design throws. */
  static open(setup: ReplicaSetup): TrainingReplica {
    const { model } = prepareModel(parseDesignText(setup.design), setup.classNames, setup.config.seed);
    const net = trainableModel(model, setup.classNames.length);
    const shapesOf = (weights: readonly tf.LayerVariable[]): number[][] => weights.map((w) => w.shape as number[]);
    return new TrainingReplica(
      net,
      setup.config,
      sharedTensors(setup.weights, shapesOf(model.weights)),
      sharedTensors(setup.gradients, net.variables.map((v) => v.shape)),
      sharedTensors(setup.statistics, shapesOf(model.nonTrainableWeights)),
      new BatchNormWarmup(model),
      replicaSeed(setup.config.seed, setup.replica),
    );
  }

  /** One step on `command`'s share; the reply's phases are this step's alone (the main thread adds them up). */
  async step(command: ReplicaStep): Promise<ReplicaDone> {
    const { clock, net } = this;
    const model = net.model;
    clock.reset();
    // Every weight, the batch-norm moving averages included, so the replicas stay identical.
    clock.timeSync('weights in', () => tf.tidy(() => model.weights.forEach((w, i) => w.write(tf.tensor(tensorValues(this.weights.values, this.weights.layout, i), w.shape as number[])))));
    seedDropout(model, this.dropoutSeed, command.globalStep);
    this.batchNorm.apply(command.globalStep);
    const shard = await clock.time('forward+backward', () => shardGradients(net, this.config, { pixels: command.pixels, labels: command.labels, size: command.size }));
    try {
      clock.timeSync('gradients out', () => {
        writeTensors(shard.grads, this.gradients.values, this.gradients.layout);
        writeTensors(
          model.nonTrainableWeights.map((w) => w.read()),
          this.statistics.values,
          this.statistics.layout,
        );
      });
    } finally {
      tf.dispose(shard.grads);
    }
    clock.endStep();
    return { type: 'done', loss: shard.loss, top1Correct: shard.top1Correct, top5Correct: shard.top5Correct, phases: clock.totals() };
  }

  /** Frees the model (a worker's goes with its thread instead). */
  dispose(): void {
    this.net.model.dispose();
  }
}

/** The side of a message channel the replica holds: a worker's `parentPort`, or a test's stand-in. */
export interface ReplicaPort {
  postMessage(reply: ReplicaReply): void;
  on(event: 'message', listener: (command: ReplicaStep) => void): void;
}

/**
 * Serves `setup`'s replica on `port` on the wasm backend: 'ready' once its model is built, then
 * one reply per step; any failure as a 'failed' reply with its message. Resolves to the replica
 * (null when it could not be opened), for an in-process caller to dispose.
 */
export async function serveReplica(setup: ReplicaSetup, port: ReplicaPort): Promise<TrainingReplica | null> {
  const failed = (error: unknown): void => port.postMessage({ type: 'failed', message: errorMessage(error) });
  let replica: TrainingReplica;
  try {
    await selectBackend({ backend: 'wasm' });
    replica = TrainingReplica.open(setup);
  } catch (error) {
    failed(error);
    return null;
  }
  port.on('message', (command) => {
    replica.step(command).then((reply) => port.postMessage(reply), failed);
  });
  port.postMessage({ type: 'ready' });
  return replica;
}
