import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chain, type NodeRow } from '../../../analysis/testing/designs';
import { serializeDesign } from '../../../design/document';
import { resolveTrainConfig } from '../../../training/defaults';
import type { Batch } from '../../data/batchStream';
import { seededValues } from '../../testing/seededData';
import { onWasmWithoutLeaks } from '../../testing/wasmWithoutLeaks';
import { BatchNormWarmup } from '../batchNormWarmup';
import { seedDropout } from '../dropoutSeeds';
import { prepareModel } from '../prepareModel';
import { shardGradients, trainableModel, type TrainableModel } from '../trainStep';
import { replicaSeed } from './batchShards';
import type { ReplicaReply, ReplicaSetup, ReplicaStep } from './replicaProtocol';
import { sharedFloats, tensorLayout, writeTensors } from './sharedTensors';
import { serveReplica, TrainingReplica, type ReplicaPort } from './trainingReplica';

const classNames = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const config = resolveTrainConfig({ seed: 5 });
/** 8×8×3 → conv with batch norm → pool → [dropout] → dense → softmax: built in milliseconds. */
const tinyDesign = (dropout = false): string => {
  const rows: NodeRow[] = [
    ['conv', 'conv2d', { filters: 8, kernel: [3, 3], padding: 'same' }],
    ['pool', 'globalAvgPool'],
    ...(dropout ? [['drop', 'dropout', { rate: 0.5 }] as NodeRow] : []),
    ['logits', 'dense', { units: classNames.length }],
    ['softmax', 'softmax'],
  ];
  return serializeDesign(chain(rows, [8, 8, 3]));
};
const imageFloats = 8 * 8 * 3;
const batchOf = (seed: number): Batch => ({ pixels: seededValues(4 * imageFloats, seed), labels: Int32Array.from([0, 3, 6, 3]), size: 4 });
const stepOn = (batch: Batch, globalStep: number): ReplicaStep => ({ type: 'step', globalStep, pixels: batch.pixels, labels: batch.labels, size: batch.size });

/** A model of `design`; a seed other than the run's gives other initial weights than a replica's own. */
const modelOf = (design: string, seed: number): TrainableModel => trainableModel(prepareModel(JSON.parse(design), classNames, seed).model, classNames.length);

const flat = (tensors: readonly tf.Tensor[]): Float32Array => Float32Array.from(tensors.flatMap((t) => [...t.dataSync()]));

/**
 * The main thread's side of a run on `design`: the shared buffers, sized from a model of the
 * design, and weights it publishes into them as a step's start: those of a model seeded
 * `weightSeed`, with moving statistics far from their initial 0 and 1.
 */
function mainSide(design: string) {
  const shapesOf = (weights: readonly tf.LayerVariable[]): number[][] => weights.map((w) => w.shape as number[]);
  const sizing = modelOf(design, 1);
  const weightLayout = tensorLayout(shapesOf(sizing.model.weights));
  const gradientLayout = tensorLayout(sizing.variables.map((v) => v.shape));
  const statisticLayout = tensorLayout(shapesOf(sizing.model.nonTrainableWeights));
  sizing.model.dispose();
  const weights = sharedFloats(weightLayout);
  return {
    setup: (replica: number): ReplicaSetup => ({ design, classNames, config, replica, weights, gradients: sharedFloats(gradientLayout), statistics: sharedFloats(statisticLayout) }),
    /** Writes the weights into shared memory as the main thread does; returns them, for `expectedStep`. */
    publish(weightSeed: number): tf.Tensor[] {
      const source = modelOf(design, weightSeed);
      const published = source.model.weights.map((w, i) => (w.trainable ? w.read().clone() : tf.tidy(() => tf.tensor(seededValues(w.read().size, weightSeed + i), w.shape as number[]).abs().add(0.5))));
      source.model.dispose();
      writeTensors(published, new Float32Array(weights), weightLayout);
      return published;
    },
  };
}

/** What a replica's step must give: `shardGradients` of a model holding `weights`, with the replica's dropout seed and the step's batch-norm decay. */
async function expectedStep(design: string, weights: readonly tf.Tensor[], replica: number, globalStep: number, batch: Batch) {
  const net = modelOf(design, 99);
  try {
    net.model.setWeights([...weights]);
    seedDropout(net.model, replicaSeed(config.seed, replica), globalStep);
    new BatchNormWarmup(net.model).apply(globalStep);
    const shard = await shardGradients(net, config, batch);
    const gradients = flat(shard.grads);
    tf.dispose(shard.grads);
    return { gradients, statistics: flat(net.model.nonTrainableWeights.map((w) => w.read())), loss: shard.loss, top1Correct: shard.top1Correct, top5Correct: shard.top5Correct };
  } finally {
    net.model.dispose();
  }
}

const sharedValues = (buffer: SharedArrayBuffer): Float32Array => new Float32Array(buffer).slice();

describe('TrainingReplica', () => {
  onWasmWithoutLeaks();
  const batch = batchOf(1);

  it('computes its share’s gradients and statistics from the weights in shared memory, moving averages included', async () => {
    const design = tinyDesign();
    const main = mainSide(design);
    const setup = main.setup(1);
    const replica = TrainingReplica.open(setup);
    const published: tf.Tensor[][] = [];
    try {
      published.push(main.publish(2));
      const first = await expectedStep(design, published[0], 1, 0, batch);
      const reply = await replica.step(stepOn(batch, 0));
      expect(sharedValues(setup.gradients)).toEqual(first.gradients);
      expect(sharedValues(setup.statistics)).toEqual(first.statistics);
      expect(reply).toMatchObject({ type: 'done', loss: first.loss, top1Correct: first.top1Correct, top5Correct: first.top5Correct });
      // The batch tells top-1 from top-5, so neither can stand in for the other.
      expect(first.top1Correct).not.toBe(first.top5Correct);

      // New weights in shared memory, the same shard: new gradients, from those weights.
      published.push(main.publish(3));
      const second = await expectedStep(design, published[1], 1, 0, batch);
      await replica.step(stepOn(batch, 0));
      expect(sharedValues(setup.gradients)).not.toEqual(first.gradients);
      expect(sharedValues(setup.gradients)).toEqual(second.gradients);
      expect(sharedValues(setup.statistics)).toEqual(second.statistics);
    } finally {
      replica.dispose();
      tf.dispose(published.flat());
    }
  });

  it('draws dropout masks from its replica seed and the global step', async () => {
    const design = tinyDesign(true);
    const main = mainSide(design);
    const setups = [main.setup(1), main.setup(2)];
    const replicas = setups.map((setup) => TrainingReplica.open(setup));
    const published = main.publish(2);
    try {
      const gradientsOf = async (r: number, globalStep: number): Promise<Float32Array> => {
        await replicas[r].step(stepOn(batch, globalStep));
        return sharedValues(setups[r].gradients);
      };
      const first = await gradientsOf(0, 3);
      expect(first).toEqual((await expectedStep(design, published, 1, 3, batch)).gradients);
      expect(await gradientsOf(1, 3)).toEqual((await expectedStep(design, published, 2, 3, batch)).gradients);
      expect(await gradientsOf(1, 3)).not.toEqual(first);
      expect(await gradientsOf(0, 3)).toEqual(first);
      const later = await gradientsOf(0, 4);
      expect(later).toEqual((await expectedStep(design, published, 1, 4, batch)).gradients);
      expect(later).not.toEqual(first);
    } finally {
      replicas.forEach((replica) => replica.dispose());
      tf.dispose(published);
    }
  });

  it('updates the moving statistics with the batch-norm decay of the global step', async () => {
    const design = tinyDesign();
    const main = mainSide(design);
    const setup = main.setup(1);
    const replica = TrainingReplica.open(setup);
    const published = main.publish(2);
    try {
      const statisticsAt = async (globalStep: number): Promise<Float32Array> => {
        await replica.step(stepOn(batch, globalStep));
        return sharedValues(setup.statistics);
      };
      const early = await statisticsAt(0);
      expect(early).toEqual((await expectedStep(design, published, 1, 0, batch)).statistics);
      const late = await statisticsAt(1000);
      expect(late).toEqual((await expectedStep(design, published, 1, 1000, batch)).statistics);
      expect(late).not.toEqual(early);
    } finally {
      replica.dispose();
      tf.dispose(published);
    }
  });

  it('times each step’s phases on its own and leaves no tensors behind', async () => {
    const main = mainSide(tinyDesign());
    const replica = TrainingReplica.open(main.setup(1));
    const published = main.publish(2);
    try {
      for (const globalStep of [0, 1]) {
        const before = tf.memory().numTensors;
        const { phases } = await replica.step(stepOn(batch, globalStep));
        expect(tf.memory().numTensors).toBe(before);
        // One step each: the main thread adds the replies up.
        expect(phases.steps).toBe(1);
        expect(Object.keys(phases.ms)).toEqual(['weights in', 'forward+backward', 'gradients out']);
        for (const ms of [...Object.values(phases.ms), ...Object.values(phases.cpuMs)]) expect(ms).toBeGreaterThanOrEqual(0);
        expect(phases.cpuTotalMs === null || phases.cpuTotalMs >= 0).toBe(true);
      }
    } finally {
      replica.dispose();
      tf.dispose(published);
    }
  });
});

/** A stand-in for a worker's `parentPort`: `send` hands the replica a step and resolves to its reply. */
function testPort() {
  const replies: ReplicaReply[] = [];
  let listener: ((command: ReplicaStep) => void) | null = null;
  let answered: ((reply: ReplicaReply) => void) | null = null;
  const port: ReplicaPort = {
    postMessage(reply) {
      replies.push(reply);
      answered?.(reply);
    },
    on(event, onCommand) {
      if (event === 'message') listener = onCommand;
    },
  };
  const send = (command: ReplicaStep): Promise<ReplicaReply> =>
    new Promise((resolve) => {
      answered = resolve;
      listener?.(command);
    });
  return { port, replies, send, listening: (): boolean => listener !== null };
}

describe('serveReplica', () => {
  onWasmWithoutLeaks();

  it('says ready once its model is built on wasm, answers each step, and reports a failed step without stopping', async () => {
    const design = tinyDesign();
    const main = mainSide(design);
    const { port, replies, send, listening } = testPort();
    // A worker thread starts on no backend of its own choosing: the replica picks wasm.
    await tf.setBackend('cpu');
    const replica = await serveReplica(main.setup(1), port);
    const published = main.publish(2);
    try {
      expect(tf.getBackend()).toBe('wasm');
      expect(replies).toEqual([{ type: 'ready' }]);
      expect(listening()).toBe(true);
      const batch = batchOf(1);
      const expected = await expectedStep(design, published, 1, 0, batch);
      expect(await send(stepOn(batch, 0))).toMatchObject({ type: 'done', loss: expected.loss, top1Correct: expected.top1Correct });
      // Three images' worth of labels over four images' pixels.
      const mismatched = await send({ ...stepOn(batch, 1), size: 3, labels: batch.labels.subarray(0, 3) });
      expect(mismatched).toEqual({ type: 'failed', message: expect.stringContaining('should have 576 values but has 768') });
      expect(await send(stepOn(batch, 0))).toMatchObject({ type: 'done', loss: expected.loss });
    } finally {
      replica?.dispose();
      tf.dispose(published);
    }
  });

  it('reports a design it cannot train as failed, naming the problem, and serves nothing', async () => {
    const setup = mainSide(tinyDesign()).setup(1);
    const noClassifier = serializeDesign(chain([['pool', 'globalAvgPool'], ['softmax', 'softmax']], [8, 8, 3]));
    for (const [design, message] of [
      ['{"format":', /^The design cannot be read: /],
      [noClassifier, /^Design 'test' does not end in a dense classifier layer/],
    ] as const) {
      const { port, replies, listening } = testPort();
      expect(await serveReplica({ ...setup, design }, port)).toBeNull();
      expect(replies).toEqual([{ type: 'failed', message: expect.stringMatching(message) }]);
      expect(listening()).toBe(false);
    }
  });
});
