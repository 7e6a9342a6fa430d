import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuReferences } from '../testing/backendRuns';
import { callsOf, kernelCalls } from '../testing/kernelCalls';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface Case {
  name: string;
  batch: number;
  size: [number, number];
  channels: [number, number];
  kernel: [number, number];
  strides: [number, number];
  pad: 'valid' | 'same' | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  /** Calls of the kernels that show the route; a kernel left out is not checked. */
  route: Record<string, number>;
}

// Ours is one forward Conv2D of dy per stride phase that any tap reaches, with the flipped
// filter's taps of that phase; dy is never spread out with zeros. The backend's own loops run
// no other kernel.
const backends = { Conv2D: 0, FlipLeftRight: 0, PadV2: 0 };
const cases: Case[] = [
  { name: 'stride 1, 3 channels: one convolution, dy used as it is', batch: 2, size: [7, 9], channels: [3, 5], kernel: [3, 2], strides: [1, 1], pad: 'same', route: { Conv2D: 1, FlipLeftRight: 1, PadV2: 0, Slice: 0 } },
  { name: 'stride 1, 1×1: one convolution, the filter not flipped', batch: 1, size: [7, 9], channels: [3, 5], kernel: [1, 1], strides: [1, 1], pad: 'valid', route: { Conv2D: 1, FlipLeftRight: 0 } },
  { name: 'height stride 2, one input channel: two phases', batch: 2, size: [7, 9], channels: [1, 4], kernel: [3, 3], strides: [2, 1], pad: 'same', route: { Conv2D: 2, PadV2: 1 } },
  { name: 'strides 2 × 2, 3×3 kernel: four phases', batch: 2, size: [9, 9], channels: [8, 3], kernel: [3, 3], strides: [2, 2], pad: 'valid', route: { Conv2D: 4 } },
  { name: 'width stride 3, 3 taps wide: three one-tap phases, the filter not padded', batch: 1, size: [8, 10], channels: [9, 5], kernel: [2, 3], strides: [1, 3], pad: 'valid', route: { Conv2D: 3, PadV2: 0 } },
  { name: 'stride 2, 1×1: only the even rows and columns get a gradient, one convolution', batch: 2, size: [7, 8], channels: [4, 6], kernel: [1, 1], strides: [2, 2], pad: 'valid', route: { Conv2D: 1 } },
  { name: 'padding that leaves row 0 no tap and puts row 1’s dy window past the end: zeros, no convolution', batch: 2, size: [1, 5], channels: [2, 3], kernel: [1, 1], strides: [2, 2], pad: [[0, 0], [1, 0], [0, 0], [0, 0]], route: { Conv2D: 0 } },
  { name: 'explicit padding beyond the kernel: dy cut at the top and the right, where only padding was read', batch: 2, size: [4, 5], channels: [3, 2], kernel: [2, 3], strides: [1, 1], pad: [[0, 0], [3, 1], [0, 4], [0, 0]], route: { Conv2D: 1, Slice: 1 } },
  { name: 'explicit padding beyond the kernel below: dy cut at the bottom only', batch: 1, size: [4, 5], channels: [3, 2], kernel: [2, 3], strides: [1, 1], pad: [[0, 0], [0, 4], [1, 1], [0, 0]], route: { Conv2D: 1, Slice: 1 } },
  { name: 'explicit padding beyond the kernel on the left: dy cut at the left only', batch: 1, size: [4, 5], channels: [3, 2], kernel: [2, 3], strides: [1, 1], pad: [[0, 0], [1, 0], [4, 0], [0, 0]], route: { Conv2D: 1, Slice: 1 } },
  { name: 'padding that puts a width phase’s dy window past the end: zeros, no convolution', batch: 2, size: [5, 1], channels: [2, 3], kernel: [1, 1], strides: [1, 2], pad: [[0, 0], [0, 0], [1, 0], [0, 0]], route: { Conv2D: 0 } },
  { name: 'channels first: the backend’s', batch: 2, size: [7, 9], channels: [3, 5], kernel: [3, 2], strides: [1, 1], pad: 'same', dataFormat: 'NCHW', route: backends },
];

function dyShape(c: Case): [number, number, number, number] {
  const [ci, co] = c.channels;
  const info = tf.backend_util.computeConv2DInfo([c.batch, c.size[0], c.size[1], ci], [c.kernel[0], c.kernel[1], ci, co], c.strides, 1, c.pad);
  return c.dataFormat === 'NCHW' ? [c.batch, co, info.outHeight, info.outWidth] : [c.batch, info.outHeight, info.outWidth, co];
}

/** The Conv2DBackpropInput kernel of the current backend, run directly. */
function inputGradient(c: Case): Float32Array {
  return tf.tidy(() => {
    const [ci, co] = c.channels;
    const shape = dyShape(c);
    const dy = tf.tensor4d(seededValues(shape.reduce((a, b) => a * b, 1), 8), shape);
    const filter = tf.tensor4d(seededValues(c.kernel[0] * c.kernel[1] * ci * co, 9), [c.kernel[0], c.kernel[1], ci, co]);
    const inputShape = c.dataFormat === 'NCHW' ? [c.batch, ci, c.size[0], c.size[1]] : [c.batch, c.size[0], c.size[1], ci];
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: c.dataFormat ?? 'NHWC', inputShape };
    const result = tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    return result.dataSync() as Float32Array;
  });
}

describe('wasm convolution input gradient', () => {
  let expected: Map<Case, Float32Array>;

  beforeAll(async () => {
    expected = await cpuReferences(cases, inputGradient);
  });

  it.each(cases)('$name: matches the cpu kernel and takes its route', (c) => {
    const before = tf.memory().numTensors;
    const { result: actual, calls } = kernelCalls('wasm', () => inputGradient(c));
    expect(tf.memory().numTensors).toBe(before);
    expect(relativeMaxError(actual, expected.get(c)!)).toBeLessThan(1e-5);
    expect(callsOf(calls, c.route)).toEqual(c.route);
  });

  it('frees the phases’ convolutions before it returns, outside any scope', () => {
    const dy = tf.ones([2, 3, 3, 4]);
    const filter = tf.ones([3, 3, 5, 4]);
    const before = tf.memory().numTensors;
    const attrs = { strides: [2, 2], pad: 'valid', dataFormat: 'NHWC', inputShape: [2, 7, 7, 5] };
    const dx = tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([dx, dy, filter]);
  });
});
