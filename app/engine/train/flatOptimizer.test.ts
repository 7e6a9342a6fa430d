import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import type { OptimizerName } from '../../training/hyperparameters';
import { selectBackend } from '../backends/select';
import { FlatOptimizer, flattenTensors, isFlatOptimizer } from './flatOptimizer';
import { flatRule } from './flatUpdateRules';
import { addWeightDecay, clipByGlobalNorm } from './lossAndMetrics';
import { createOptimizer, createTfjsOptimizer, initialiseLikeTf1, setLearningRate } from './optimizer';

/** A 2×3 kernel and a bias of 3: different sizes and a non-square shape, so offsets and shapes show. */
const SHAPES = [[2, 3], [3]];

function randomValues(seed: number): number[][] {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 4 - 2;
  };
  return SHAPES.map((shape) => Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next));
}

const variablesOf = (values: number[][]): tf.Variable[] => values.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
const valuesOf = (variables: readonly tf.Variable[]): number[][] => variables.map((v) => Array.from(v.dataSync()));

/** Three updates with different gradients and rates, the rate changed as the schedule changes it. */
function train(optimizer: tf.Optimizer, variables: readonly tf.Variable[], firstSeed: number): void {
  [0.05, 0.02, 0.01].forEach((rate, step) => {
    setLearningRate(optimizer, rate);
    const grads = randomValues(firstSeed + step).map((g, i) => tf.tensor(g, SHAPES[i]));
    optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    tf.dispose(grads);
  });
}

async function slotsOf(optimizer: tf.Optimizer): Promise<{ name: string; values: number[] }[]> {
  const [, ...slots] = await optimizer.getWeights();
  return slots.map((s) => ({ name: s.name.slice(s.name.indexOf('/')), values: Array.from(s.tensor.dataSync()) }));
}

describe.each(['cpu', 'wasm'] as const)('FlatOptimizer on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });
  afterAll(() => tf.disposeVariables());

  describe.each(['rmsprop', 'sgd', 'adam'] as OptimizerName[])('%s', (name) => {
    const config = resolveTrainConfig({ optimizer: name, momentum: 0.8, rmsDecay: 0.85, epsilon: 0.5 });

    it("updates the weights and slots exactly as tfjs' own optimizer, slots named and ordered alike", async () => {
      const start = randomValues(1);
      const [ours, theirs] = [variablesOf(start), variablesOf(start)];
      const [flat, tfjs] = [new FlatOptimizer(flatRule(config), config.learningRate), createTfjsOptimizer(config)];
      await initialiseLikeTf1(flat, config, ours);
      await initialiseLikeTf1(tfjs, config, theirs);
      train(flat, ours, 10);
      train(tfjs, theirs, 10);
      expect(valuesOf(ours)).toEqual(valuesOf(theirs));
      expect(valuesOf(ours)).not.toEqual(start);
      expect(flat.iterations).toBe(3);
      expect(await slotsOf(flat)).toEqual(await slotsOf(tfjs));
      flat.dispose();
      tfjs.dispose();
    });

    it("resumes from tfjs' slots (a checkpoint) and continues exactly as tfjs does", async () => {
      const start = randomValues(2);
      const [before, ours, theirs] = [variablesOf(start), variablesOf(start), variablesOf(start)];
      const tfjs = createTfjsOptimizer(config);
      await initialiseLikeTf1(tfjs, config, before);
      train(tfjs, before, 20);
      const saved = await tfjs.getWeights();
      const [flat, again] = [new FlatOptimizer(flatRule(config), config.learningRate), createTfjsOptimizer(config)];
      await flat.setWeights(saved);
      await again.setWeights(saved.map((w) => ({ name: w.name, tensor: w.tensor.clone() })));
      [ours, theirs].forEach((vs) => vs.forEach((v, i) => v.assign(before[i])));
      train(flat, ours, 30);
      train(again, theirs, 30);
      expect(flat.iterations).toBe(6);
      const close = valuesOf(ours).flat();
      // Adam restarts β^t with a power, computed in float32 by tfjs and in double here.
      valuesOf(theirs)
        .flat()
        .forEach((v, k) => (name === 'adam' ? expect(close[k]).toBeCloseTo(v, 6) : expect(close[k]).toBe(v)));
      [tfjs, flat, again].forEach((o) => o.dispose());
    });
  });

  it('is what createOptimizer gives this backend', () => {
    expect(isFlatOptimizer(createOptimizer(resolveTrainConfig({})))).toBe(true);
    expect(isFlatOptimizer(createTfjsOptimizer(resolveTrainConfig({})))).toBe(false);
  });

  it('decays the kernels and clips the global norm as the tensor path does, and returns the norm before clipping', async () => {
    const config = resolveTrainConfig({ weightDecay: 0.05, clipNorm: 1 });
    const start = randomValues(3);
    const variables = variablesOf(start);
    const grads = randomValues(4).map((g, i) => tf.tensor(g, SHAPES[i]));
    const decayed = addWeightDecay(grads, variables, [variables[0]], config.weightDecay);
    const { clipped, norm } = await clipByGlobalNorm(decayed, config.clipNorm);
    expect(norm).toBeGreaterThan(1);
    const sgd = new FlatOptimizer(flatRule({ ...config, optimizer: 'sgd', momentum: 0 }), 1);
    const flatNorm = sgd.update(variables, grads, { decayed: [true, false], weightDecay: config.weightDecay, clipNorm: config.clipNorm });
    expect(flatNorm).toBeCloseTo(norm, 5);
    // Plain SGD at rate 1 moves each weight by its treated gradient.
    const moved = valuesOf(variables).flat().map((v, k) => start.flat()[k] - v);
    Array.from(flattenTensors(clipped)).forEach((g, k) => expect(moved[k]).toBeCloseTo(g, 5));
    tf.dispose([...grads, ...decayed, ...clipped]);
    sgd.dispose();
  });

  it("sums the replicas' gradient arrays with their weights, in order, as the update's gradients", () => {
    const config = resolveTrainConfig({ optimizer: 'sgd', momentum: 0 });
    const [shares, whole] = [variablesOf(randomValues(5)), variablesOf(randomValues(5))];
    const sources = [randomValues(6).flat(), randomValues(7).flat()].map((v) => Float32Array.from(v));
    const weights = [0.75, 0.25];
    const summed = Float32Array.from(sources[0], (g, k) => Math.fround(Math.fround(0 + Math.fround(g * 0.75)) + Math.fround(sources[1][k] * 0.25)));
    const settings = { decayed: [true, false], weightDecay: 0, clipNorm: 0 };
    const [a, b] = [new FlatOptimizer(flatRule(config), 0.1), new FlatOptimizer(flatRule(config), 0.1)];
    a.update(shares, { sources, weights }, settings);
    const tensors = [tf.tensor(summed.slice(0, 6), SHAPES[0]), tf.tensor(summed.slice(6), SHAPES[1])];
    b.update(whole, tensors, settings);
    expect(valuesOf(shares)).toEqual(valuesOf(whole));
    tf.dispose(tensors);
    [a, b].forEach((o) => o.dispose());
  });

  it('refuses gradients of another length and variables of other sizes than its slots', () => {
    const flat = new FlatOptimizer(flatRule(resolveTrainConfig({})), 0.1);
    const variables = variablesOf(randomValues(5));
    const settings = { decayed: [false, false], weightDecay: 0, clipNorm: 0 };
    const short = [tf.zeros([2, 3]), tf.zeros([2])];
    expect(() => flat.update(variables, short, settings)).toThrow('FlatOptimizer: 8 gradient values for 9 weights');
    expect(() => flat.update(variables, { sources: [new Float32Array(10)], weights: [1] }, settings)).toThrow('FlatOptimizer: 10 gradient values for 9 weights');
    const zeros = [tf.zeros([2, 3]), tf.zeros([3])];
    flat.update(variables, zeros, settings);
    expect(() => flat.update([variables[1], variables[0]], [zeros[1], zeros[0]], settings)).toThrow('its slots hold 2 weights, asked to update 2 of other sizes');
    tf.dispose([...short, ...zeros]);
    flat.dispose();
  });
});

describe('setLearningRate', () => {
  it("reaches tfjs' momentum optimizer, which keeps −rate in a tensor of its own", async () => {
    await selectBackend({ backend: 'cpu' });
    const w = tf.variable(tf.scalar(1));
    const momentum = createTfjsOptimizer(resolveTrainConfig({ optimizer: 'sgd', momentum: 0, learningRate: 0.5 }));
    setLearningRate(momentum, 0.1);
    momentum.applyGradients([{ name: w.name, tensor: tf.scalar(1) }]);
    expect(w.dataSync()[0]).toBeCloseTo(0.9, 6);
    momentum.dispose();
    w.dispose();
  });
});
