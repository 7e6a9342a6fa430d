import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import { selectBackend } from '../backends/select';
import { FlatOptimizer, isFlatOptimizer } from './flatOptimizer';
import { flatRule } from './flatUpdateRules';
import { FlatWeightAverage } from './flatWeightAverage';
import { createOptimizer, createWeightAverage, initialiseLikeTf1 } from './optimizer';
import { TensorWeightAverage } from './weightAverage';

const rmsprop = resolveTrainConfig({ optimizer: 'rmsprop' });
const settings = { decayed: [false, false], weightDecay: 0, clipNorm: 0 };

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});
afterAll(() => tf.disposeVariables());

describe('FlatOptimizer slots', () => {
  it('has a class name of its own and a config naming its rate and slots', () => {
    expect(FlatOptimizer.className).toBe('InceptionStudioFlatOptimizer');
    expect(new FlatOptimizer(flatRule(rmsprop), 0.25).getConfig()).toEqual({ learningRate: 0.25, slots: ['rms', 'momentum'] });
  });

  it('hands back restored slots under the names they came with, before any update', async () => {
    const flat = new FlatOptimizer(flatRule(rmsprop), 0.1);
    const values = [
      { name: 'iter', tensor: tf.scalar(3, 'int32') },
      { name: 'net/conv/kernel/rms', tensor: tf.ones([2, 2]) },
      { name: 'net/dense/bias/rms', tensor: tf.ones([3]) },
      { name: 'net/conv/kernel/momentum', tensor: tf.zeros([2, 2]) },
      { name: 'net/dense/bias/momentum', tensor: tf.zeros([3]) },
    ];
    await flat.setWeights(values);
    const [iterations, ...slots] = await flat.getWeights();
    expect(iterations.tensor.dataSync()[0]).toBe(3);
    expect(slots.map((s) => [s.name, s.tensor.shape])).toEqual(values.slice(1).map((v) => [v.name, v.tensor.shape]));
    tf.dispose(values.map((v) => v.tensor));
    flat.dispose();
  });

  it('refuses slot tensors that do not come one of each kind per weight', async () => {
    const flat = new FlatOptimizer(flatRule(rmsprop), 0.1);
    const values = [{ name: 'iter', tensor: tf.scalar(0, 'int32') }, ...[1, 2, 3].map((i) => ({ name: `w${i}/rms`, tensor: tf.ones([i]) }))];
    await expect(flat.setWeights(values)).rejects.toThrow('FlatOptimizer: 3 slot tensors is not a multiple of 2');
    tf.dispose(values.map((v) => v.tensor));
    flat.dispose();
  });

  it('frees the slot tensors it lent out when disposed', async () => {
    const variables = [tf.variable(tf.ones([2, 3])), tf.variable(tf.ones([3]))];
    const before = tf.memory().numTensors;
    const flat = new FlatOptimizer(flatRule(rmsprop), 0.1);
    const grads = [tf.ones([2, 3]), tf.ones([3])];
    flat.update(variables, grads, settings);
    tf.dispose(grads);
    const weights = await flat.getWeights();
    tf.dispose(weights[0].tensor);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    flat.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses fewer variables than its slots hold, or one of another size among them', () => {
    const variables = [tf.variable(tf.zeros([2, 3])), tf.variable(tf.zeros([3]))];
    const flat = new FlatOptimizer(flatRule(rmsprop), 0.1);
    const zeros = [tf.zeros([2, 3]), tf.zeros([3])];
    flat.update(variables, zeros, settings);
    expect(() => flat.update([variables[0]], [zeros[0]], settings)).toThrow('FlatOptimizer: its slots hold 2 weights, asked to update 1 of other sizes');
    const other = tf.variable(tf.zeros([4]));
    const four = tf.zeros([4]);
    expect(() => flat.update([variables[0], other], [zeros[0], four], settings)).toThrow('FlatOptimizer: its slots hold 2 weights, asked to update 2 of other sizes');
    tf.dispose([...zeros, four]);
    flat.dispose();
  });

  it('skips a replica weighted 0, whatever its array holds (an empty share sends none)', () => {
    const sgd = resolveTrainConfig({ optimizer: 'sgd', momentum: 0 });
    const variables = [tf.variable(tf.ones([2, 3])), tf.variable(tf.ones([3]))];
    const flat = new FlatOptimizer(flatRule(sgd), 0.5);
    flat.update(variables, { sources: [new Float32Array(9).fill(2), new Float32Array(0)], weights: [1, 0] }, settings);
    expect(variables.map((v) => Array.from(v.dataSync()))).toEqual([[0, 0, 0, 0, 0, 0], [0, 0, 0]]);
    flat.dispose();
  });
});

describe('initialiseLikeTf1', () => {
  it('leaves no tensors of its own behind', async () => {
    const w = tf.variable(tf.ones([4]));
    const before = tf.memory().numTensors;
    const optimizer = createOptimizer(rmsprop);
    await initialiseLikeTf1(optimizer, rmsprop, [w]);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the optimizer and weight average of a backend whose tensors live elsewhere', () => {
  beforeAll(async () => {
    // A backend by another name, with the CPU's kernels: the choice goes by the backend's name.
    tf.registerBackend('elsewhere', () => new MathBackendCPU());
    for (const kernel of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...kernel, backendName: 'elsewhere' });
    await tf.setBackend('elsewhere');
  });
  afterAll(async () => {
    await selectBackend({ backend: 'cpu' });
  });

  it("are tfjs' own, not the flat loops", () => {
    expect(isFlatOptimizer(createOptimizer(rmsprop))).toBe(false);
    const w = tf.variable(tf.ones([2]));
    const average = createWeightAverage([w], 0.9);
    expect(average).toBeInstanceOf(TensorWeightAverage);
    expect(average).not.toBeInstanceOf(FlatWeightAverage);
    average.dispose();
  });

  it('on the cpu backend are the flat loops', async () => {
    await selectBackend({ backend: 'cpu' });
    expect(isFlatOptimizer(createOptimizer(rmsprop))).toBe(true);
    const w = tf.variable(tf.ones([2]));
    const average = createWeightAverage([w], 0.9);
    expect(average).toBeInstanceOf(FlatWeightAverage);
    average.dispose();
  });
});
