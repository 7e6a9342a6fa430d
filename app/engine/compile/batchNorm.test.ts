import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { BatchNorm } from './batchNorm';

describe('BatchNorm', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('trains without a scale (where tfjs BatchNormalization fails) and normalises per channel', () => {
    const layer = new BatchNorm({ momentum: 0.9, epsilon: 1e-3, scale: false, center: true });
    const x = tf.tensor4d([1, 10, 3, 30, 5, 50, 7, 70], [2, 2, 1, 2]);
    const out = tf.tidy(() => (layer.apply(x, { training: true }) as tf.Tensor).arraySync()) as number[][][][];
    const channel0 = out.flat(3).filter((_, i) => i % 2 === 0);
    expect(channel0.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 4);
    expect(channel0[0]).toBeCloseTo(-3 / Math.sqrt(5 + 1e-3), 4);
    expect(layer.trainableWeights.map((w) => w.originalName)).toEqual([expect.stringMatching(/beta$/)]);
    expect(layer.nonTrainableWeights).toHaveLength(2);
    // moving_mean moved 10% of the way to the batch mean [4, 40].
    const [movingMean] = layer.nonTrainableWeights.map((w) => w.read().arraySync());
    expect(movingMean).toEqual([expect.closeTo(0.4, 5), expect.closeTo(4, 5)]);
    const grads = tf.tidy(() => tf.variableGrads(() => tf.square(layer.apply(x, { training: true }) as tf.Tensor).sum() as tf.Scalar).grads);
    expect(Object.keys(grads)).toHaveLength(1);
    tf.dispose([x, ...Object.values(grads)]);
    for (const w of layer.weights) w.dispose();
  });

  it('uses the moving statistics at inference and serialises its settings', () => {
    const layer = new BatchNorm({ name: 'c/bn', momentum: 0.9997, epsilon: 1e-3, scale: true, center: true });
    const x = tf.ones([1, 1, 1, 3]);
    const out = tf.tidy(() => (layer.apply(x) as tf.Tensor).dataSync());
    for (const v of out) expect(v).toBeCloseTo(1 / Math.sqrt(1 + 1e-3), 5);
    expect(layer.getConfig()).toMatchObject({ name: 'c/bn', momentum: 0.9997, epsilon: 1e-3, scale: true, center: true });
    expect(tf.serialization.SerializationMap.getMap().classNameMap[BatchNorm.className]).toBeDefined();
    x.dispose();
    for (const w of layer.weights) w.dispose();
  });

  it('without centering has no beta, and neither infers nor trains with a shift', () => {
    const layer = new BatchNorm({ momentum: 0.5, epsilon: 1e-3, scale: true, center: false });
    const x = tf.tensor4d([1, 10, 3, 30, 5, 50, 7, 70], [2, 2, 1, 2]);
    const inferred = tf.tidy(() => Array.from((layer.apply(x) as tf.Tensor).dataSync()));
    expect(inferred).toEqual([1, 10, 3, 30, 5, 50, 7, 70].map((v) => expect.closeTo(v / Math.sqrt(1 + 1e-3), 5)));
    const trained = tf.tidy(() => Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync()));
    // channel 0 is [1, 3, 5, 7]: mean 4, variance 5.
    expect(trained.filter((_, i) => i % 2 === 0)).toEqual([-3, -1, 1, 3].map((v) => expect.closeTo(v / Math.sqrt(5 + 1e-3), 4)));
    expect(layer.weights.map((w) => w.originalName.split('/').pop())).toEqual(['gamma', 'moving_mean', 'moving_variance']);
    expect(layer.trainableWeights).toHaveLength(1);
    x.dispose();
    for (const w of layer.weights) w.dispose();
  });

  it('leaves no tensors behind in training but the moving averages it updates', () => {
    const layer = new BatchNorm({ momentum: 0.9, epsilon: 1e-3, scale: false, center: true });
    const x = tf.ones([2, 3, 3, 4]);
    tf.dispose(layer.apply(x, { training: true }) as tf.Tensor);
    const before = tf.memory().numTensors;
    tf.dispose(layer.apply(x, { training: true }) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    for (const w of layer.weights) w.dispose();
  });

  it('refuses an input whose channel count is unknown, naming the layer', () => {
    const layer = new BatchNorm({ name: 'c/bn', momentum: 0.9, epsilon: 1e-3, scale: false, center: true });
    expect(() => layer.build([null, 4, 4, null])).toThrow(new Error('c/bn: the channel axis must have a known size'));
  });
});
