import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import { selectBackend } from '../backends/select';
import { addWeightDecay, clipByGlobalNorm } from './lossAndMetrics';
import { createOptimizer, initialiseLikeTf1, setLearningRate } from './optimizer';
import { effectiveAverageDecay, TensorWeightAverage } from './weightAverage';

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});

describe('RMSProp as TF1 ran it', () => {
  it('starts the mean square at 1 and keeps ε inside the square root', async () => {
    const config = resolveTrainConfig({});
    const w = tf.variable(tf.tensor1d([1, -2]));
    const optimizer = createOptimizer(config);
    await initialiseLikeTf1(optimizer, config, [w]);
    setLearningRate(optimizer, 0.01);
    const g = [0.5, -3];
    optimizer.applyGradients([{ name: w.name, tensor: tf.tensor1d(g) }]);
    // TF1: ms = 0.9·1 + 0.1·g²; mom = 0.9·0 + lr·g / sqrt(ms + ε); w −= mom.
    const expected = [1, -2].map((x, i) => x - (0.01 * g[i]) / Math.sqrt(0.9 + 0.1 * g[i] ** 2 + 1));
    const actual = await w.data();
    expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 6));
    optimizer.dispose();
    w.dispose();
  });
});

describe('clipByGlobalNorm', () => {
  it('scales all gradients together down to the threshold and leaves small ones alone', async () => {
    const grads = [tf.tensor1d([3, 0]), tf.tensor1d([0, 4])];
    const { clipped, norm } = await clipByGlobalNorm(grads, 2);
    expect(norm).toBeCloseTo(5);
    expect([...(await clipped[0].data()), ...(await clipped[1].data())].map((v) => +v.toFixed(5))).toEqual([1.2, 0, 0, 1.6]);
    const untouched = await clipByGlobalNorm(grads, 10);
    expect([...(await untouched.clipped[1].data())]).toEqual([0, 4]);
    tf.dispose([...grads, ...clipped, ...untouched.clipped]);
  });
});

describe('addWeightDecay', () => {
  it('adds the gradient of weightDecay · Σ‖kernel‖² / 2 to the kernels only', async () => {
    const kernel = tf.variable(tf.tensor2d([1, -2, 3, 0.5], [2, 2]));
    const bias = tf.variable(tf.tensor1d([4, -4]));
    const grads = [tf.tensor2d([0.1, 0.2, 0.3, 0.4], [2, 2]), tf.tensor1d([1, 2])];
    const penalty = () => tf.sum(tf.square(kernel)).mul(0.01 / 2) as tf.Scalar;
    const { grads: penaltyGrads } = tf.variableGrads(penalty, [kernel]);
    const expected = await tf.add(grads[0], penaltyGrads[kernel.name]).data();
    const total = addWeightDecay(grads, [kernel, bias], [kernel], 0.01);
    Array.from(await total[0].data()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(Array.from(await total[1].data())).toEqual([1, 2]);
    const none = addWeightDecay(grads, [kernel, bias], [kernel], 0);
    expect(Array.from(await none[0].data())).toEqual(Array.from(await grads[0].data()));
    tf.dispose([kernel, bias, ...grads, ...total, ...none, ...Object.values(penaltyGrads)]);
  });
});

describe('WeightAverage', () => {
  it('averages with the decay capped at (1 + n) / (10 + n) and swaps the average in for evaluation', async () => {
    expect(effectiveAverageDecay(0.9999, 0)).toBe(0.1);
    expect(effectiveAverageDecay(0.5, 1000)).toBe(0.5);
    const w = tf.variable(tf.scalar(0));
    const average = new TensorWeightAverage([w], 0.9999);
    w.assign(tf.scalar(10));
    average.update();
    expect((await average.averages[0].data())[0]).toBeCloseTo(9);
    const seen = await average.withAveragedWeights(async () => (await w.data())[0]);
    expect(seen).toBeCloseTo(9);
    expect((await w.data())[0]).toBe(10);
    average.dispose();
    w.dispose();
  });
});
