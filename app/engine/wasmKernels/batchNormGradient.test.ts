import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { kernelCalls } from '../testing/kernelCalls';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { broadcastBatchNormGradient } from './batchNormGradient';

interface Case {
  name: string;
  shape: number[];
  /** Shape of the mean, variance, offset and scale. */
  stats: number[];
  epsilon: number;
}

// Always with a scale and an offset: tfjs cannot record a batchNorm gradient without them
// (it saves the absent scale, and its tape walks the absent offset).
const cases: Case[] = [
  { name: 'per channel', shape: [2, 3, 4, 5], stats: [5], epsilon: 0.001 },
  { name: 'per channel, batch 1', shape: [1, 5, 3, 4], stats: [4], epsilon: 0.1 },
  { name: 'per element: nothing to reduce', shape: [2, 3, 2, 3], stats: [2, 3, 2, 3], epsilon: 0.01 },
  { name: 'a matrix, per column', shape: [6, 4], stats: [4], epsilon: 0.001 },
];

/** Gradients of Σ w·batchNorm(x) for x, mean, variance, offset and scale. */
function gradients(c: Case): Float32Array[] {
  return tf.tidy(() => {
    const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
    const stat = (seed: number): tf.Tensor => tf.tensor(seededValues(size(c.stats), seed), c.stats);
    const x = tf.tensor(seededValues(size(c.shape), 1).map((v) => 3 * v), c.shape);
    const variance = tf.tensor(seededValues(size(c.stats), 3).map((v) => 0.05 + v * v), c.stats);
    const weights = tf.tensor(seededValues(size(c.shape), 6), c.shape);
    const inputs = [x, stat(2), variance, stat(4), stat(5).add(1.5)];
    const loss = (...t: tf.Tensor[]): tf.Tensor => tf.batchNorm(t[0], t[1], t[2], t[3], t[4], c.epsilon).mul(weights).sum();
    return tf.grads(loss)(inputs).map((g) => g.dataSync() as Float32Array);
  });
}

describe('the broadcasting BatchNorm gradient', () => {
  const tfjsGradient = tf.getGradient(tf.FusedBatchNorm);
  const expected = new Map<Case, Float32Array[]>();

  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
    for (const c of cases) expected.set(c, gradients(c));
    tf.registerGradient(broadcastBatchNormGradient);
  });
  afterAll(() => tf.registerGradient(tfjsGradient));

  it.each(cases)('$name: matches tfjs-core’s for every input', (c) => {
    const actual = gradients(c);
    const reference = expected.get(c)!;
    expect(actual).toHaveLength(reference.length);
    actual.forEach((g, i) => expect(relativeMaxError(g, reference[i])).toBeLessThan(1e-5));
  });

  it('sums over the batch only where the statistics are per channel', () => {
    const sums = (shape: number[], stats: number[]): number => {
      const { calls } = kernelCalls('cpu', () =>
        tf.tidy(() => {
          const [x, dy] = [tf.ones(shape), tf.ones(shape)];
          const [mean, variance, scale] = [tf.zeros(stats), tf.ones(stats), tf.ones(stats)];
          const grads = broadcastBatchNormGradient.gradFunc(dy, [x, mean, variance, scale], { varianceEpsilon: 0.001 });
          for (const grad of Object.values(grads)) grad();
        }),
      );
      return calls.get(tf.Sum) ?? 0;
    };
    expect(sums([2, 3, 2, 4], [4])).toBe(4);
    expect(sums([2, 3, 2, 4], [2, 3, 2, 4])).toBe(0);
  });
});
