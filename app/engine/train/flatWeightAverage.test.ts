import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { FlatWeightAverage } from './flatWeightAverage';
import { createWeightAverage } from './optimizer';
import { TensorWeightAverage, type WeightAverage } from './weightAverage';

/** A 2×3 kernel and a bias of 3 (9 floats: two SIMD groups and a tail). */
const start = (): tf.Variable[] => [tf.variable(tf.tensor2d([1, -2, 3, 0.5, 0.25, -1], [2, 3])), tf.variable(tf.tensor1d([4, -4, 0.1]))];

/** Five updates, the weights moved between them, with the decay capped early and not later. */
async function averaged(make: (variables: tf.Variable[]) => WeightAverage): Promise<{ averages: number[][]; seen: number[]; after: number[] }> {
  const variables = start();
  const average = make(variables);
  for (let step = 1; step <= 5; step++) {
    variables.forEach((v) => v.assign(v.mul(1.5).add(step / 7)));
    average.update();
  }
  const seen = await average.withAveragedWeights(async () => Array.from(variables[0].dataSync()));
  const result = { averages: average.averages.map((a) => Array.from(a.dataSync())), seen, after: Array.from(variables[0].dataSync()) };
  average.dispose();
  tf.dispose(variables);
  return result;
}

describe.each(['cpu', 'wasm'] as const)('FlatWeightAverage on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it("averages exactly as tfjs' kernels do, swaps the average in for evaluation and puts the weights back", async () => {
    const flat = await averaged((vs) => new FlatWeightAverage(vs, 0.3));
    const tensor = await averaged((vs) => new TensorWeightAverage(vs, 0.3));
    expect(flat).toEqual(tensor);
    expect(flat.seen).toEqual(flat.averages[0]);
    expect(flat.after).not.toEqual(flat.seen);
  });

  it('continues from restored averages and their update count', async () => {
    const shadows = [tf.fill([2, 3], 2), tf.fill([3], -1)];
    const flat = await averaged((vs) => new FlatWeightAverage(vs, 0.99, { shadows, updates: 1000 }));
    const tensor = await averaged((vs) => new TensorWeightAverage(vs, 0.99, { shadows, updates: 1000 }));
    expect(flat).toEqual(tensor);
    tf.dispose(shadows);
  });

  it('is what createWeightAverage gives this backend, and keeps no tensors once disposed', () => {
    const variables = start();
    const before = tf.memory().numTensors;
    const average = createWeightAverage(variables, 0.9);
    expect(average).toBeInstanceOf(FlatWeightAverage);
    average.update();
    void average.averages;
    void average.averages;
    average.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(variables);
  });
});
