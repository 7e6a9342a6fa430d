import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuReferences } from '../testing/backendRuns';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface Case {
  batch: number;
  size: [number, number];
  channels: [number, number];
  kernel: [number, number];
  stride: number | [number, number];
  padding: 'valid' | 'same';
}

const cases: Case[] = [];
for (const kernel of [
  [1, 1],
  [3, 3],
  [1, 7],
  [7, 1],
] as [number, number][]) {
  for (const stride of [1, 2]) {
    for (const padding of ['valid', 'same'] as const) {
      // 3 and 9 input channels: few channels once took the backend's own strided input gradient.
      for (const batch of [1, 3]) for (const channels of [[3, 5], [9, 4]] as [number, number][]) cases.push({ batch, size: [9, 11], channels, kernel, stride, padding });
    }
  }
}
// Strides other than 2 and even kernels: phase splits with several taps per phase, asymmetric padding.
for (const [kernel, stride] of [
  [[5, 5], 3],
  [[2, 2], 2],
  [[1, 1], 3],
] as [[number, number], number][]) {
  for (const padding of ['valid', 'same'] as const) for (const batch of [1, 3]) cases.push({ batch, size: [9, 11], channels: [9, 4], kernel, stride, padding });
}
// Different height and width strides on non-square inputs and kernels: a swapped pair of
// strides or paddings anywhere in the three filter-gradient formulations or the input gradient
// shows here, never with one stride number for both directions.
for (const [kernel, stride] of [
  [[3, 3], [1, 2]],
  [[3, 3], [2, 1]],
  [[1, 1], [2, 3]],
  [[2, 3], [3, 2]],
  [[1, 7], [2, 1]],
] as [[number, number], [number, number]][]) {
  for (const padding of ['valid', 'same'] as const) {
    for (const batch of [1, 3]) for (const channels of [[3, 5], [9, 4]] as [number, number][]) cases.push({ batch, size: [10, 7], channels, kernel, stride, padding });
  }
}

/** Gradients of sum(conv(x)²) through the layers API (FusedConv2D) on the current backend. */
function layerGradients(c: Case): { kernel: Float32Array; input: Float32Array } {
  return tf.tidy(() => {
    const [ci, co] = c.channels;
    const layer = tf.layers.conv2d({ filters: co, kernelSize: c.kernel, strides: c.stride, padding: c.padding, useBias: true, activation: 'relu' });
    const x = tf.tensor4d(seededValues(c.batch * c.size[0] * c.size[1] * ci, 7), [c.batch, c.size[0], c.size[1], ci]);
    layer.build(x.shape);
    layer.setWeights([tf.tensor4d(seededValues(c.kernel[0] * c.kernel[1] * ci * co, 11), [c.kernel[0], c.kernel[1], ci, co]), tf.fill([co], 0.05)]);
    const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(() => (layer.apply(x) as tf.Tensor).square().sum() as tf.Scalar, variables);
    const input = tf.grad((xi: tf.Tensor) => (layer.apply(xi) as tf.Tensor).square().sum())(x);
    const kernelGrad = grads[variables[0].name];
    const result = { kernel: kernelGrad.dataSync() as Float32Array, input: input.dataSync() as Float32Array };
    for (const weight of layer.weights) weight.dispose();
    return result;
  });
}

describe('wasm convolution gradients', () => {
  let expected: Map<Case, { kernel: Float32Array; input: Float32Array }>;

  beforeAll(async () => {
    expected = await cpuReferences(cases, layerGradients);
  });

  it.each(cases)('match the cpu kernels: batch $batch, channels $channels, kernel $kernel, stride $stride, $padding', (c) => {
    const actual = layerGradients(c);
    const reference = expected.get(c)!;
    expect(relativeMaxError(actual.kernel, reference.kernel)).toBeLessThan(1e-5);
    expect(relativeMaxError(actual.input, reference.input)).toBeLessThan(1e-5);
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    layerGradients(cases[5]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
