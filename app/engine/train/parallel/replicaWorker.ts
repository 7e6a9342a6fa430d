/**
 * Entry of one replica worker thread in data-parallel training: its own TensorFlow.js with its
 * own wasm instance (one thread each under Node), the run's model, and per step: the weights
 * from shared memory, the gradients of its share of the batch back into shared memory.
 */

import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../../result';
import { selectBackend } from '../../backends/select';
import { BatchNormWarmup } from '../batchNormWarmup';
import { seedDropout } from '../dropoutSeeds';
import { parseDesignText, prepareModel } from '../prepareModel';
import { shardGradients, trainableModel } from '../trainStep';
import { replicaSeed } from './batchShards';
import type { ReplicaReply, ReplicaSetup, ReplicaStep } from './replicaProtocol';
import { PhaseClock } from './phaseClock';
import { tensorLayout, tensorValues, writeTensors } from './sharedTensors';

const setup = workerData as ReplicaSetup;
const port = parentPort!;
const reply = (message: ReplicaReply): void => port.postMessage(message);

async function serve(): Promise<void> {
  await selectBackend({ backend: 'wasm' });
  const { model } = prepareModel(parseDesignText(setup.design), setup.classNames, setup.config.seed);
  const net = trainableModel(model, setup.classNames.length);
  const weights = new Float32Array(setup.weights);
  const gradients = new Float32Array(setup.gradients);
  const weightLayout = tensorLayout(model.weights.map((w) => w.shape as number[]));
  const gradientLayout = tensorLayout(net.variables.map((v) => v.shape));
  const statistics = new Float32Array(setup.statistics);
  const statisticLayout = tensorLayout(model.nonTrainableWeights.map((w) => w.shape as number[]));
  const batchNorm = new BatchNormWarmup(model);
  const seed = replicaSeed(setup.config.seed, setup.replica);

  const clock = new PhaseClock();

  const step = async (command: ReplicaStep): Promise<ReplicaReply> => {
    clock.reset();
    // Every weight, the batch-norm moving averages included, so the replicas stay identical.
    clock.timeSync('weights in', () => tf.tidy(() => model.weights.forEach((w, i) => w.write(tf.tensor(tensorValues(weights, weightLayout, i), w.shape as number[])))));
    seedDropout(model, seed, command.globalStep);
    batchNorm.apply(command.globalStep);
    const shard = await clock.time('forward+backward', () => shardGradients(net, setup.config, { pixels: command.pixels, labels: command.labels, size: command.size }));
    try {
      clock.timeSync('gradients out', () => {
        writeTensors(shard.grads, gradients, gradientLayout);
        writeTensors(
          model.nonTrainableWeights.map((w) => w.read()),
          statistics,
          statisticLayout,
        );
      });
    } finally {
      tf.dispose(shard.grads);
    }
    clock.endStep();
    return { type: 'done', loss: shard.loss, top1Correct: shard.top1Correct, top5Correct: shard.top5Correct, phases: clock.totals() };
  };

  // The main thread ends the worker when the run ends; its wasm memory goes with the thread.
  port.on('message', (command: ReplicaStep) => {
    step(command).then(reply, (error: unknown) => reply({ type: 'failed', message: errorMessage(error) }));
  });
  reply({ type: 'ready' });
}

serve().catch((error: unknown) => reply({ type: 'failed', message: errorMessage(error) }));
