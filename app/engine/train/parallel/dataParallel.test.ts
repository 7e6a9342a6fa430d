import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../../design/document';
import { buildPreset } from '../../../presets/index';
import { resolveTrainConfig } from '../../../training/defaults';
import { selectBackend } from '../../backends/select';
import type { Batch } from '../../data/batchStream';
import { BatchNormWarmup } from '../batchNormWarmup';
import { createOptimizer } from '../optimizer';
import { prepareModel } from '../prepareModel';
import { trainableModel, trainStep, type TrainableModel } from '../trainStep';
import { DataParallelTrainer } from './dataParallel';

const classNames = ['a', 'b', 'c'];
// No dropout: a replica draws its own masks, which would make the comparison with one replica moot.
const design = serializeDesign(buildPreset('inception-v4', { width: 0.1, repeats: [1, 1, 1], input: 75, classes: 3, dropout: 0 }));
const config = resolveTrainConfig({ optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, weightDecay: 0.0001, seed: 5 });
const imageFloats = 75 * 75 * 3;

function images(count: number, seed: number): Float32Array {
  return tf.tidy(() => tf.randomUniform([count * imageFloats], -1, 1, 'float32', seed).dataSync() as Float32Array);
}

/** A fresh model with the batch-norm decay a run's first step uses (the replicas set the same). */
function model(): TrainableModel {
  const net = trainableModel(prepareModel(JSON.parse(design), classNames, config.seed).model, classNames.length);
  new BatchNormWarmup(net.model).apply(0);
  return net;
}

const weightsOf = (net: TrainableModel): Float32Array[] => net.model.weights.map((w) => w.read().dataSync() as Float32Array);

async function trainParallel(batches: readonly Batch[]): Promise<Float32Array[]> {
  const net = model();
  const optimizer = createOptimizer(config);
  const parallel = await DataParallelTrainer.start(net, design, classNames, config, 2);
  try {
    const warmup = new BatchNormWarmup(net.model);
    for (const [step, batch] of batches.entries()) {
      warmup.apply(step);
      await parallel.step(optimizer, batch, step);
    }
    return weightsOf(net);
  } finally {
    await parallel.close();
    optimizer.dispose();
    net.model.dispose();
  }
}

const largestDifference = (a: readonly Float32Array[], b: readonly Float32Array[]): number =>
  Math.max(...a.map((values, i) => values.reduce((worst, v, k) => Math.max(worst, Math.abs(v - b[i][k])), 0)));

beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
});

afterAll(() => tf.disposeVariables());

describe('DataParallelTrainer', () => {
  it('takes the step one replica takes on the whole batch when each share has the batch statistics', async () => {
    // Two equal halves: each replica's batch-norm statistics are the whole batch's, so the
    // summed gradients, the update and the moving averages must all match one replica's.
    const half = images(2, 1);
    const pixels = new Float32Array(4 * imageFloats);
    pixels.set(half, 0);
    pixels.set(half, 2 * imageFloats);
    // Labels the untrained model gets right for the first image and wrong for the second, so
    // each share counts one top-1 hit: a replica's count lost or subtracted shows.
    const guesser = model();
    // In training mode, as a step sees them: batch norm with the batch's own statistics.
    const guesses = tf.tidy(() => (guesser.model.apply(tf.tensor4d(half, [2, 75, 75, 3]), { training: true }) as tf.Tensor).argMax(1).dataSync());
    guesser.model.dispose();
    const labels = [guesses[0], (guesses[1] + 1) % 3];
    const batch: Batch = { pixels, labels: Int32Array.from([...labels, ...labels]), size: 4 };

    const single = model();
    const optimizer = createOptimizer(config);
    const one = await trainStep(single, optimizer, config, batch);
    const expected = weightsOf(single);
    optimizer.dispose();
    single.model.dispose();

    const net = model();
    const parallelOptimizer = createOptimizer(config);
    const parallel = await DataParallelTrainer.start(net, design, classNames, config, 2);
    try {
      const two = await parallel.step(parallelOptimizer, batch, 0);
      expect(two.loss).toBeCloseTo(one.loss, 4);
      expect(one.top1Correct).toBe(2);
      expect(two.top1Correct).toBe(2);
      expect(two.top5Correct).toBe(4);
      // Two images per share leave the deep layers' variances tiny, which magnifies rounding.
      expect(Math.abs(two.gradientNorm - one.gradientNorm) / one.gradientNorm).toBeLessThan(1e-3);
      // An update of 0.1 × a clipped gradient moves weights by ~1e-2: a wrong share weight or a lost replica shows.
      expect(largestDifference(weightsOf(net), expected)).toBeLessThan(1e-4);
      // Where the step's time went, by phase, on this thread and on the one worker.
      const { main, replicas } = parallel.phases();
      expect(main.steps).toBe(1);
      expect(Object.keys(main.ms)).toEqual(['weights out', 'forward+backward', 'gradients out', 'waiting for replicas', 'statistics', 'optimizer']);
      expect(replicas).toHaveLength(1);
      expect(replicas[0].steps).toBe(1);
      expect(Object.keys(replicas[0].ms)).toEqual(['weights in', 'forward+backward', 'gradients out']);
      parallel.resetPhases();
      expect(parallel.phases()).toEqual({ main: expect.objectContaining({ steps: 0, ms: {} }), replicas: [expect.objectContaining({ steps: 0, ms: {} })] });
    } finally {
      await parallel.close();
      parallelOptimizer.dispose();
      net.model.dispose();
    }
  });

  it("moves the batch-norm averages by the mean of the replicas' updates, each from its own share", async () => {
    const [first, second] = [images(2, 11), images(2, 12)];
    const labels = Int32Array.from([0, 1]);
    const statisticsAfter = async (batch: Batch): Promise<Float32Array[]> => {
      const single = model();
      const optimizer = createOptimizer(config);
      await trainStep(single, optimizer, config, batch);
      const statistics = single.model.nonTrainableWeights.map((w) => w.read().dataSync() as Float32Array);
      optimizer.dispose();
      single.model.dispose();
      return statistics;
    };
    const [fromFirst, fromSecond] = [await statisticsAfter({ pixels: first, labels, size: 2 }), await statisticsAfter({ pixels: second, labels, size: 2 })];
    // Linear in the batch statistics: the mean of the two updates is the update by their mean.
    const expected = fromFirst.map((values, i) => values.map((v, k) => (v + fromSecond[i][k]) / 2));
    expect(largestDifference(fromFirst, fromSecond), 'the shares differ, so a replica left out shows').toBeGreaterThan(1e-3);

    const pixels = new Float32Array(4 * imageFloats);
    pixels.set(first, 0);
    pixels.set(second, 2 * imageFloats);
    const net = model();
    const optimizer = createOptimizer(config);
    const parallel = await DataParallelTrainer.start(net, design, classNames, config, 2);
    try {
      await parallel.step(optimizer, { pixels, labels: Int32Array.from([0, 1, 0, 1]), size: 4 }, 0);
      const moving = net.model.nonTrainableWeights.map((w) => w.read().dataSync() as Float32Array);
      expect(largestDifference(moving, expected)).toBeLessThan(1e-5);
    } finally {
      await parallel.close();
      optimizer.dispose();
      net.model.dispose();
    }
  });

  it('is deterministic for a seed and replica count, across an odd batch split', async () => {
    const batches: Batch[] = [5, 6].map((seed) => ({ pixels: images(5, seed), labels: Int32Array.from([0, 1, 2, 1, 0]), size: 5 }));
    const first = await trainParallel(batches);
    const second = await trainParallel(batches);
    expect(largestDifference(first, second)).toBe(0);
  });
});
