import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { seededValues } from '../testing/seededData';
import { maxPoolBackpropInto } from './poolKernels';

/** The definition, one window and one channel at a time: dy to the first maximum in row-major order. */
function reference(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const dx = new Float32Array(x.length);
  for (let b = 0; b < batchSize; b++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++)
        for (let c = 0; c < inChannels; c++) {
          let best = -Infinity;
          let where = -1;
          for (let fy = 0; fy < filterHeight; fy++)
            for (let fx = 0; fx < filterWidth; fx++) {
              const iy = oy * strideHeight - padInfo.top + fy;
              const ix = ox * strideWidth - padInfo.left + fx;
              if (iy < 0 || iy >= inHeight || ix < 0 || ix >= inWidth) continue;
              const at = ((b * inHeight + iy) * inWidth + ix) * inChannels + c;
              if (x[at] > best) {
                best = x[at];
                where = at;
              }
            }
          if (where >= 0) dx[where] = Math.fround(dx[where] + dy[((b * outHeight + oy) * outWidth + ox) * inChannels + c]);
        }
  return dx;
}

interface Case {
  shape: [number, number, number, number];
  pool: [number, number];
  stride: [number, number];
  padding: 'valid' | 'same';
}

// Channel counts around the four SIMD lanes (the scalar tail alone, lanes and tail, lanes alone),
// overlapping and disjoint windows, padding on every side, a batch of several.
const cases: Case[] = [
  { shape: [2, 9, 9, 1], pool: [3, 3], stride: [2, 2], padding: 'valid' },
  { shape: [2, 8, 7, 3], pool: [3, 3], stride: [2, 2], padding: 'same' },
  { shape: [1, 7, 9, 4], pool: [3, 3], stride: [1, 1], padding: 'same' },
  { shape: [3, 6, 6, 5], pool: [2, 2], stride: [2, 2], padding: 'valid' },
  { shape: [2, 10, 7, 9], pool: [3, 2], stride: [1, 2], padding: 'same' },
  { shape: [1, 5, 5, 16], pool: [5, 5], stride: [1, 1], padding: 'same' },
];

function run(c: Case, values: (i: number, v: number) => number): { actual: Float32Array; expected: Float32Array } {
  const info = tf.backend_util.computePool2DInfo(c.shape, c.pool, c.stride, 1, c.padding);
  const x = seededValues(c.shape.reduce((a, b) => a * b), 7).map((v, i) => values(i, v));
  const dy = seededValues(info.batchSize * info.outHeight * info.outWidth * info.outChannels, 11);
  const actual = new Float32Array(x.length).fill(Number.NaN);
  maxPoolBackpropInto(x, dy, actual, info);
  return { actual, expected: reference(x, dy, info) };
}

describe('maxPoolBackpropInto (poolKernels.wat)', () => {
  it.each(cases)('equals the definition bit for bit: $shape, pool $pool, stride $stride, $padding', (c) => {
    // Below zero throughout (a running maximum started at 0 would find none), with ties.
    const { actual, expected } = run(c, (_, v) => Math.round(v * 2) / 2 - 2);
    expect(expected.some((v) => v !== 0)).toBe(true);
    expect([...actual]).toEqual([...expected]);
  });

  it('passes nothing on from a window of −∞ or NaN, and skips NaN for a later maximum', () => {
    const c = cases[3];
    const channels = c.shape[3];
    const { actual, expected } = run(c, (i, v) => (i % channels === 0 ? -Infinity : i % channels === 1 ? Number.NaN : i % 7 === 0 ? Number.NaN : v));
    const firstChannel = actual.filter((_, i) => i % channels === 0);
    expect(firstChannel.every((v) => v === 0)).toBe(true);
    expect(actual.filter((_, i) => i % channels === 1).every((v) => v === 0)).toBe(true);
    expect([...actual]).toEqual([...expected]);
  });

  it('grows its memory for a larger pool after a smaller one, works through a batch a block of images at a time, and still answers the smaller', () => {
    const small = cases[0];
    // 5 images of 300×300×4 floats: blocks of 2 images (2²⁰ floats at most), the last one short.
    const large: Case = { shape: [5, 300, 300, 4], pool: [3, 3], stride: [2, 2], padding: 'valid' };
    for (const c of [small, large, small]) {
      const { actual, expected } = run(c, (_, v) => v);
      expect([...actual]).toEqual([...expected]);
    }
  });
});
