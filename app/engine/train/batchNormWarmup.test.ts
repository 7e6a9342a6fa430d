import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BatchNormWarmup } from './batchNormWarmup';

/** Layers as the warm-up reads them: a momentum field, if any, and the names of their weights. */
const layer = (momentum: number | undefined, ...weights: string[]) => ({ ...(momentum === undefined ? {} : { momentum }), weights: weights.map((originalName) => ({ originalName })) });
const modelOf = (...layers: ReturnType<typeof layer>[]): tf.LayersModel => ({ layers }) as unknown as tf.LayersModel;

describe('BatchNormWarmup', () => {
  it('takes the layers that keep a momentum next to a moving mean, and no others', () => {
    const norm = layer(0.9997, 'b/bn/gamma', 'b/bn/moving_mean', 'b/bn/moving_variance');
    const others = [layer(0.9, 'opt/kernel'), layer(undefined, 'c/bn/moving_mean'), layer(0.5, 'd/moving_mean_copy')];
    const warmup = new BatchNormWarmup(modelOf(norm, ...others));
    expect(warmup.count).toBe(1);
    warmup.apply(0);
    expect(norm.momentum).toBeCloseTo(0.1, 12);
    expect(others.map((l) => l.momentum)).toEqual([0.9, undefined, 0.5]);
  });

  it('caps the decay at (1 + n) / (10 + n), never above the layer\'s own, and puts that back on restore', () => {
    const slow = layer(0.9997, 'a/moving_mean');
    const fast = layer(0.5, 'b/moving_mean');
    const warmup = new BatchNormWarmup(modelOf(slow, fast));
    warmup.apply(90);
    expect([slow.momentum, fast.momentum]).toEqual([91 / 100, 0.5]);
    warmup.restore();
    expect([slow.momentum, fast.momentum]).toEqual([0.9997, 0.5]);
  });
});
