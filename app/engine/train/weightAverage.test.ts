import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { FlatWeightAverage } from './flatWeightAverage';
import { TensorWeightAverage } from './weightAverage';

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});

describe.each([
  ['TensorWeightAverage', TensorWeightAverage],
  ['FlatWeightAverage', FlatWeightAverage],
] as const)('%s', (_, Average) => {
  it('evaluates with the averages in place and leaves no tensors behind, then frees its own on dispose', async () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const trained = tf.tensor1d([3, 4]);
    const before = tf.memory().numTensors;
    const average = new Average([w], 0.5);
    w.assign(trained);
    const during = tf.memory().numTensors;
    const seen = await average.withAveragedWeights(async () => Array.from(w.dataSync()));
    expect(seen).toEqual([1, 2]);
    expect(Array.from(w.dataSync())).toEqual([3, 4]);
    expect(tf.memory().numTensors).toBe(during);
    average.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([w, trained]);
  });
});

describe('TensorWeightAverage', () => {
  it('keeps its averages out of training: they are not trainable', () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const average = new TensorWeightAverage([w], 0.5);
    expect(average.averages.map((a) => a.trainable)).toEqual([false]);
    average.dispose();
    w.dispose();
  });
});
