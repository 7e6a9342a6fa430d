import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface Case {
  kernel: [number, number];
  strides: [number, number];
  size: [number, number];
}

// SAME padding where the stride leaves rows or columns over in one direction only (its total
// padding there would be negative, so zero) — 1×n and n×1 kernels, non-square inputs, different
// height and width strides. XNNPACK's own SAME padding gets these wrong.
const cases: Case[] = [];
for (const kernel of [[1, 1], [1, 3], [3, 1], [1, 7], [7, 1], [3, 3], [2, 3]] as [number, number][]) {
  for (const strides of [[1, 2], [2, 1], [2, 2], [2, 3], [3, 2]] as [number, number][]) {
    for (const size of [[10, 7], [7, 10], [8, 8]] as [number, number][]) cases.push({ kernel, strides, size });
  }
}

type Op = 'conv2d' | 'fusedConv2d' | 'depthwiseConv2d' | 'fusedDepthwiseConv2d';
const ops: Op[] = ['conv2d', 'fusedConv2d', 'depthwiseConv2d', 'fusedDepthwiseConv2d'];

function forward(op: Op, { kernel, strides, size }: Case): Float32Array {
  return tf.tidy(() => {
    const channels = 3;
    const x = tf.tensor4d(seededValues(2 * size[0] * size[1] * channels, 7), [2, size[0], size[1], channels]);
    const depthwise = op === 'depthwiseConv2d' || op === 'fusedDepthwiseConv2d';
    const outChannels = depthwise ? channels : 4;
    const filter = tf.tensor4d(seededValues(kernel[0] * kernel[1] * channels * (depthwise ? 1 : 4), 11), [kernel[0], kernel[1], channels, depthwise ? 1 : 4]);
    const bias = tf.fill([outChannels], 0.1);
    switch (op) {
      case 'conv2d':
        return tf.conv2d(x, filter, strides, 'same').dataSync() as Float32Array;
      case 'fusedConv2d':
        return tf.fused.conv2d({ x, filter, strides, pad: 'same', bias, activation: 'relu' }).dataSync() as Float32Array;
      case 'depthwiseConv2d':
        return tf.depthwiseConv2d(x, filter, strides, 'same').dataSync() as Float32Array;
      case 'fusedDepthwiseConv2d':
        return tf.fused.depthwiseConv2d({ x, filter, strides, pad: 'same', bias, activation: 'relu' }).dataSync() as Float32Array;
    }
  });
}

describe('wasm SAME-padded convolutions', () => {
  const expected = new Map<string, Float32Array>();
  const key = (op: Op, c: Case): string => `${op} ${JSON.stringify(c)}`;

  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
    for (const op of ops) for (const c of cases) expected.set(key(op, c), forward(op, c));
    await selectBackend({ backend: 'wasm' });
  });

  it.each(ops)('%s matches the cpu kernel for every kernel, stride pair and input shape', (op) => {
    const wrong = cases.filter((c) => relativeMaxError(forward(op, c), expected.get(key(op, c))!) > 1e-5);
    expect(wrong).toEqual([]);
  });
});
