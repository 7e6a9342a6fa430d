import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuReferences } from '../testing/backendRuns';
import { callsOf, kernelCalls } from '../testing/kernelCalls';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';

type Padding = 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]];

interface Case {
  name: string;
  batch: number;
  size: [number, number];
  channels: [number, number];
  kernel: [number, number];
  strides: [number, number];
  pad: Padding;
  /** Calls of the kernels that show the route; a kernel left out is not checked. */
  route?: Record<string, number>;
}

const explicit = (top: number, bottom: number, left: number, right: number): Padding => [[0, 0], [top, bottom], [left, right], [0, 0]];

// Three formulations by shape (1×1: one matmul; batch 1: one matmul per tap; otherwise one
// convolution), each doing no copy it does not need: no Pad or Slice where the input already
// fits, each stride phase cut out once, the narrower matmul operand the one transposed.
const cases: Case[] = [
  { name: '1×1, ci < co: one matmul, x transposed', batch: 2, size: [7, 9], channels: [3, 5], kernel: [1, 1], strides: [1, 1], pad: 'valid', route: { BatchMatMul: 1, Transpose: 1, Conv2D: 0, Pack: 0, Slice: 0, PadV2: 0 } },
  { name: '1×1, ci = co, batch 1: one matmul, x transposed', batch: 1, size: [7, 9], channels: [4, 4], kernel: [1, 1], strides: [1, 1], pad: 'valid', route: { BatchMatMul: 1, Transpose: 1, Conv2D: 0, Pack: 0, Slice: 0, PadV2: 0 } },
  { name: '1×1, ci > co, strided: dy transposed, one phase cut', batch: 2, size: [7, 9], channels: [6, 3], kernel: [1, 1], strides: [2, 3], pad: 'valid', route: { BatchMatMul: 1, Transpose: 2, Conv2D: 0, Slice: 1, PadV2: 1 } },
  { name: 'batch 1, stride 1: a slice per tap, no pad', batch: 1, size: [7, 9], channels: [3, 5], kernel: [3, 3], strides: [1, 1], pad: 'valid', route: { BatchMatMul: 9, Slice: 9, PadV2: 0, Conv2D: 0 } },
  { name: 'batch 1, stride 2, x fits the phases: four phases and a slice per tap', batch: 1, size: [8, 10], channels: [3, 5], kernel: [3, 3], strides: [2, 2], pad: 'valid', route: { BatchMatMul: 9, Slice: 13, PadV2: 0, Conv2D: 0 } },
  { name: 'batch 1, stride 2, x one row and column short: padded once', batch: 1, size: [7, 9], channels: [3, 5], kernel: [3, 3], strides: [2, 2], pad: 'valid', route: { BatchMatMul: 9, Slice: 13, PadV2: 1 } },
  { name: 'batch 1, kernel = stride: each tap reads its whole phase', batch: 1, size: [8, 8], channels: [3, 5], kernel: [2, 2], strides: [2, 2], pad: 'valid', route: { BatchMatMul: 4, Slice: 4, PadV2: 0 } },
  { name: 'batch 1, kernel as wide as the stride but taller: a slice per tap', batch: 1, size: [9, 8], channels: [3, 5], kernel: [3, 2], strides: [2, 2], pad: 'valid', route: { Slice: 10 } },
  { name: 'batch 1, rows left over: x cut in height', batch: 1, size: [9, 8], channels: [3, 5], kernel: [2, 2], strides: [2, 2], pad: 'valid', route: { PadV2: 0 } },
  { name: 'batch 1, columns left over: x cut in width', batch: 1, size: [8, 9], channels: [3, 5], kernel: [2, 2], strides: [2, 2], pad: 'valid', route: { PadV2: 0 } },
  { name: 'batch 1, height stride above width stride: nine phases', batch: 1, size: [10, 9], channels: [3, 4], kernel: [3, 3], strides: [3, 2], pad: 'valid' },
  { name: 'batch 1, SAME, uneven', batch: 1, size: [7, 10], channels: [4, 3], kernel: [2, 3], strides: [1, 2], pad: 'same' },
  { name: 'batch 1, padded on top only', batch: 1, size: [6, 7], channels: [3, 4], kernel: [3, 2], strides: [1, 1], pad: explicit(1, 0, 0, 0), route: { PadV2: 1 } },
  { name: 'batch 1, padded at the bottom only', batch: 1, size: [6, 7], channels: [3, 4], kernel: [3, 2], strides: [1, 1], pad: explicit(0, 2, 0, 0), route: { PadV2: 1 } },
  { name: 'batch 1, padded on the left only', batch: 1, size: [6, 7], channels: [3, 4], kernel: [3, 2], strides: [1, 1], pad: explicit(0, 0, 1, 0), route: { PadV2: 1 } },
  { name: 'batch 1, padded on the right only', batch: 1, size: [6, 7], channels: [3, 4], kernel: [3, 2], strides: [1, 1], pad: explicit(0, 0, 0, 2), route: { PadV2: 1 } },
  { name: 'batch 2, the full product is the kernel size: no crop', batch: 2, size: [7, 9], channels: [3, 5], kernel: [3, 3], strides: [2, 2], pad: 'valid', route: { Conv2D: 1, BatchMatMul: 0, Slice: 0 } },
  { name: 'batch 2, a column left over: cropped in width', batch: 2, size: [9, 11], channels: [3, 5], kernel: [3, 2], strides: [2, 2], pad: 'valid', route: { Conv2D: 1, Slice: 1 } },
  { name: 'batch 2, a row left over: cropped in height', batch: 2, size: [11, 9], channels: [3, 5], kernel: [2, 3], strides: [2, 2], pad: 'valid', route: { Conv2D: 1, Slice: 1 } },
  { name: 'batch 2, padded asymmetrically', batch: 2, size: [6, 7], channels: [3, 4], kernel: [3, 2], strides: [2, 1], pad: explicit(2, 0, 0, 1), route: { Conv2D: 1 } },
];

function dyShape(c: Case): [number, number, number, number] {
  const [ci, co] = c.channels;
  const info = tf.backend_util.computeConv2DInfo([c.batch, c.size[0], c.size[1], ci], [c.kernel[0], c.kernel[1], ci, co], c.strides, 1, c.pad);
  return [c.batch, info.outHeight, info.outWidth, co];
}

/** The Conv2DBackpropFilter kernel of the current backend, run directly. */
function filterGradient(c: Case): Float32Array {
  return tf.tidy(() => {
    const [ci, co] = c.channels;
    const x = tf.tensor4d(seededValues(c.batch * c.size[0] * c.size[1] * ci, 5), [c.batch, c.size[0], c.size[1], ci]);
    const shape = dyShape(c);
    const dy = tf.tensor4d(seededValues(shape.reduce((a, b) => a * b, 1), 6), shape);
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: [c.kernel[0], c.kernel[1], ci, co] };
    const result = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
    return result.dataSync() as Float32Array;
  });
}

describe('wasm convolution filter gradient', () => {
  let expected: Map<Case, Float32Array>;

  beforeAll(async () => {
    expected = await cpuReferences(cases, filterGradient);
  });

  it('is ours: the wasm backend has none of its own', () => {
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBe(conv2dBackpropFilterWasm);
  });

  it.each(cases)('$name: matches the cpu kernel and takes its route', (c) => {
    const { result: actual, calls } = kernelCalls('wasm', () => filterGradient(c));
    expect(relativeMaxError(actual, expected.get(c)!)).toBeLessThan(1e-5);
    expect(callsOf(calls, c.route ?? {})).toEqual(c.route ?? {});
  });
});
