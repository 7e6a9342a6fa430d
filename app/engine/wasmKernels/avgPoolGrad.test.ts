import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuReferences } from '../testing/backendRuns';
import { kernelCalls } from '../testing/kernelCalls';
import { weightedInputGradient } from '../testing/layerGradient';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface Case {
  batch: number;
  size: [number, number];
  pool: [number, number];
  stride: number | [number, number];
  padding: 'valid' | 'same';
}

// Inception's 3×3 same pools, even (asymmetrically padded) and global pools, and strided
// pools (a stride above 1 in either direction) that keep wasm's own kernel.
const cases: Case[] = [
  { batch: 2, size: [7, 9], pool: [3, 3], stride: 1, padding: 'same' },
  { batch: 1, size: [7, 9], pool: [2, 2], stride: 1, padding: 'same' },
  { batch: 3, size: [6, 6], pool: [1, 4], stride: 1, padding: 'same' },
  { batch: 2, size: [5, 5], pool: [5, 5], stride: 1, padding: 'valid' },
  { batch: 2, size: [8, 7], pool: [3, 2], stride: 1, padding: 'valid' },
  { batch: 2, size: [9, 9], pool: [3, 3], stride: 2, padding: 'valid' },
  // Non-square windows on non-square inputs: a swapped height and width shows only here.
  { batch: 2, size: [6, 9], pool: [2, 3], stride: 1, padding: 'same' },
  { batch: 1, size: [9, 6], pool: [3, 2], stride: 1, padding: 'same' },
  { batch: 2, size: [5, 8], pool: [1, 4], stride: 1, padding: 'valid' },
  { batch: 2, size: [8, 5], pool: [4, 1], stride: 1, padding: 'same' },
  { batch: 2, size: [7, 9], pool: [3, 3], stride: [1, 2], padding: 'same' },
  { batch: 1, size: [9, 7], pool: [2, 3], stride: [2, 1], padding: 'valid' },
];

/** Ours is a depthwise convolution of dy; the backend's loops run no other kernel. */
const isOurs = (c: Case): boolean => c.stride === 1 || (Array.isArray(c.stride) && c.stride[0] === 1 && c.stride[1] === 1);

/** Input gradient of Σ w·avgPool(x) through the layers API on the current backend. */
function poolGradient(c: Case): Float32Array {
  return tf.tidy(() => {
    const channels = 5;
    const layer = tf.layers.averagePooling2d({ poolSize: c.pool, strides: c.stride, padding: c.padding });
    const x = tf.tensor4d(seededValues(c.batch * c.size[0] * c.size[1] * channels, 3), [c.batch, c.size[0], c.size[1], channels]);
    return weightedInputGradient(layer, x, 4);
  });
}

describe('wasm average-pool gradient', () => {
  let expected: Map<Case, Float32Array>;

  beforeAll(async () => {
    expected = await cpuReferences(cases, poolGradient);
  });

  it.each(cases)('matches the cpu kernel, by a convolution at stride 1 only: batch $batch, size $size, pool $pool, stride $stride, $padding', (c) => {
    const { result: actual, calls } = kernelCalls('wasm', () => poolGradient(c));
    expect(relativeMaxError(actual, expected.get(c)!)).toBeLessThan(1e-5);
    expect(calls.get(tf.AvgPoolGrad)).toBe(1);
    expect(calls.get(tf.DepthwiseConv2dNative) ?? 0).toBe(isOurs(c) ? 1 : 0);
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    poolGradient(cases[1]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
