import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuReferences } from '../testing/backendRuns';
import { weightedInputGradient } from '../testing/layerGradient';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface Case {
  batch: number;
  size: [number, number];
  pool: [number, number];
  stride: number;
  padding: 'valid' | 'same';
  /** Inputs on a coarse grid: many ties inside a window. (Every input is below zero.) */
  ties?: boolean;
  /** The first channel −∞ throughout: windows with no maximum, which pass no gradient on. */
  minusInfinity?: boolean;
}

// Inception's 3×3 stride-2 valid pools, a padded one, overlapping stride-1 windows, and ties.
const cases: Case[] = [
  { batch: 2, size: [9, 9], pool: [3, 3], stride: 2, padding: 'valid' },
  { batch: 2, size: [8, 7], pool: [3, 3], stride: 2, padding: 'same' },
  { batch: 1, size: [7, 9], pool: [3, 3], stride: 1, padding: 'same' },
  { batch: 3, size: [6, 6], pool: [2, 2], stride: 2, padding: 'valid' },
  { batch: 2, size: [9, 9], pool: [3, 3], stride: 2, padding: 'valid', ties: true },
  { batch: 2, size: [7, 7], pool: [3, 3], stride: 1, padding: 'same', ties: true },
  { batch: 2, size: [6, 7], pool: [2, 3], stride: 2, padding: 'same', minusInfinity: true },
];

/** Input gradient of Σ w·maxPool(x) through the layers API on the current backend; every input below zero. */
function poolGradient(c: Case): Float32Array {
  return tf.tidy(() => {
    const channels = 5;
    const layer = tf.layers.maxPooling2d({ poolSize: c.pool, strides: c.stride, padding: c.padding });
    const raw = seededValues(c.batch * c.size[0] * c.size[1] * channels, 3).map((v, i) => (c.minusInfinity && i % channels === 0 ? -Infinity : (c.ties ? Math.round(v * 1.5) - 1.5 : v) - 2));
    const x = tf.tensor4d(raw, [c.batch, c.size[0], c.size[1], channels]);
    return weightedInputGradient(layer, x, 4);
  });
}

describe('wasm max-pool gradient', () => {
  let expected: Map<Case, Float32Array>;

  beforeAll(async () => {
    expected = await cpuReferences(cases, poolGradient);
  });

  it.each(cases)('matches the cpu kernel: batch $batch, size $size, pool $pool, stride $stride, $padding, ties $ties, −∞ $minusInfinity', (c) => {
    const actual = poolGradient(c);
    expect(Math.max(...actual.map(Math.abs))).toBeGreaterThan(0);
    expect(relativeMaxError(actual, expected.get(c)!)).toBeLessThan(1e-6);
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    poolGradient(cases[0]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
