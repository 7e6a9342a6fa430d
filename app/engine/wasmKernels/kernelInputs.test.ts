import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { asTensor4D } from './tensorInputs';

beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
});

describe('asTensor4D', () => {
  it('passes a rank-4 tensor through', () => {
    const t = tf.zeros([1, 2, 3, 4]);
    expect(asTensor4D(t, 'x')).toBe(t);
    t.dispose();
  });

  it('names the input that is missing, of another rank or not a tensor', () => {
    const rank3 = tf.zeros([2, 3, 4]);
    expect(() => asTensor4D(undefined, 'dy')).toThrow('wasm training kernel: dy must be a rank-4 tensor');
    expect(() => asTensor4D(rank3, 'filter')).toThrow('wasm training kernel: filter must be a rank-4 tensor');
    const info: tf.TensorInfo = { dataId: {}, shape: [1, 2, 3, 4], dtype: 'float32' };
    expect(() => asTensor4D(info, 'x')).toThrow('wasm training kernel: x must be a rank-4 tensor');
    rank3.dispose();
  });
});

describe('the wasm training kernels name a bad input', () => {
  // Filled once the wasm backend is up; `flat` is rank 3.
  const t = {} as Record<'x' | 'dy' | 'filter' | 'flat', tf.Tensor>;
  const pool = { filterSize: 3, strides: 1, pad: 'same' };
  const conv = { strides: 1, pad: 'same', dataFormat: 'NHWC' };
  const cases: { kernel: string; inputs: () => Record<string, tf.Tensor | undefined>; attrs: object; bad: string }[] = [
    { kernel: tf.AvgPoolGrad, inputs: () => ({ dy: undefined, input: t.x }), attrs: pool, bad: 'dy' },
    { kernel: tf.AvgPoolGrad, inputs: () => ({ dy: t.dy, input: t.flat }), attrs: pool, bad: 'input' },
    { kernel: tf.MaxPoolGrad, inputs: () => ({ dy: t.flat, input: t.x, output: t.x }), attrs: pool, bad: 'dy' },
    { kernel: tf.MaxPoolGrad, inputs: () => ({ dy: t.dy, input: undefined, output: t.x }), attrs: pool, bad: 'input' },
    { kernel: tf.Conv2DBackpropFilter, inputs: () => ({ x: t.flat, dy: t.dy }), attrs: { ...conv, filterShape: [3, 3, 2, 2] }, bad: 'x' },
    { kernel: tf.Conv2DBackpropFilter, inputs: () => ({ x: t.x, dy: undefined }), attrs: { ...conv, filterShape: [3, 3, 2, 2] }, bad: 'dy' },
    { kernel: tf.Conv2DBackpropInput, inputs: () => ({ dy: undefined, filter: t.filter }), attrs: { ...conv, inputShape: [1, 5, 5, 2] }, bad: 'dy' },
    { kernel: tf.Conv2DBackpropInput, inputs: () => ({ dy: t.dy, filter: t.flat }), attrs: { ...conv, inputShape: [1, 5, 5, 2] }, bad: 'filter' },
    { kernel: tf.Conv2D, inputs: () => ({ x: t.flat, filter: t.filter }), attrs: conv, bad: 'x' },
    { kernel: tf.DepthwiseConv2dNative, inputs: () => ({ x: t.x, filter: undefined }), attrs: conv, bad: 'filter' },
  ];

  beforeAll(async () => {
    Object.assign(t, { x: tf.zeros([1, 5, 5, 2]), dy: tf.zeros([1, 5, 5, 2]), filter: tf.zeros([3, 3, 2, 2]), flat: tf.zeros([5, 5, 2]) });
  });
  afterAll(() => tf.dispose(Object.values(t)));

  it.each(cases)('$kernel names its bad $bad input', ({ kernel, inputs, attrs, bad }) => {
    expect(() => tf.engine().runKernel(kernel, inputs() as tf.NamedTensorMap, attrs as tf.NamedAttrMap)).toThrow(`wasm training kernel: ${bad} must be a rank-4 tensor`);
  });

  it('says the filter gradient takes channels-last data only', () => {
    const attrs = { ...conv, dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] };
    expect(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: t.x, dy: t.dy }, attrs as unknown as tf.NamedAttrMap)).toThrow('wasm Conv2DBackpropFilter supports NHWC only, got NCHW');
  });
});
