import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { onWasmWithoutLeaks } from '../testing/wasmWithoutLeaks';
import { heapCopies } from './heapCopies';
import { fastConcat, fastSlice, fastSplitV } from './rowCopies';

/** 0, 1, 2, … in a tensor of `shape`: every element tells where it came from. */
function iota(shape: number[], dtype: 'float32' | 'int32' | 'bool' = 'float32'): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, (_, i) => (dtype === 'bool' ? i % 3 === 0 : i));
  return tf.tensor(values as number[], shape, dtype);
}

/** The box by index arithmetic alone, as numbers (true/false as 1/0). */
function expectedBox(shape: number[], begin: number[], size: number[], dtype: 'float32' | 'int32' | 'bool'): number[] {
  const out: number[] = [];
  const count = size.reduce((a, b) => a * b, 1);
  for (let k = 0; k < count; k++) {
    let rest = k;
    let flat = 0;
    for (let axis = 0; axis < shape.length; axis++) {
      const below = size.slice(axis + 1).reduce((a, b) => a * b, 1);
      const index = Math.floor(rest / below);
      rest %= below;
      flat = flat * shape[axis] + begin[axis] + index;
    }
    out.push(dtype === 'bool' ? Number(flat % 3 === 0) : flat);
  }
  return out;
}

const read = (t: tf.Tensor): number[] => Array.from(t.dataSync(), Number);

/** `f`'s result and how many `copy2d` calls it made: which shows that our copies ran, and how many runs merged. */
function counted<T>(f: () => T): { result: T; copies: number } {
  const spy = vi.spyOn(heapCopies(tf.backend())!, 'copy2d');
  try {
    return { result: f(), copies: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

interface SliceCase {
  name: string;
  shape: number[];
  begin: number[];
  size: number[];
  /** `copy2d` calls: one per index of the axes before the two it walks. */
  copies: number;
}

const sliceCases: SliceCase[] = [
  { name: 'the last row and column cut off (one run per image row)', shape: [3, 5, 5, 4], begin: [0, 0, 0, 0], size: [3, 4, 4, 4], copies: 1 },
  { name: 'a channel range (runs shorter than a row)', shape: [2, 3, 4, 6], begin: [0, 0, 0, 2], size: [2, 3, 4, 3], copies: 2 },
  { name: 'an interior box on every axis', shape: [3, 4, 5, 6], begin: [1, 1, 2, 1], size: [2, 2, 3, 4], copies: 2 },
  { name: 'whole images from the middle of the batch (one run)', shape: [4, 3, 3, 2], begin: [1, 0, 0, 0], size: [2, 3, 3, 2], copies: 1 },
  { name: 'one element', shape: [2, 3, 4], begin: [1, 2, 3], size: [1, 1, 1], copies: 1 },
  { name: 'the whole tensor', shape: [2, 3], begin: [0, 0], size: [2, 3], copies: 1 },
  { name: 'rank 1', shape: [10], begin: [3], size: [5], copies: 1 },
  { name: 'rank 5', shape: [2, 3, 2, 4, 3], begin: [1, 0, 1, 1, 0], size: [1, 3, 1, 2, 3], copies: 1 },
  { name: 'rank 6, a stride phase', shape: [2, 3, 2, 3, 2, 2], begin: [0, 0, 1, 0, 1, 0], size: [2, 3, 1, 3, 1, 2], copies: 6 },
  { name: 'rank 6, part of every axis but the last (the odometer carries)', shape: [3, 4, 2, 3, 4, 5], begin: [1, 1, 0, 1, 1, 0], size: [2, 3, 2, 2, 3, 5], copies: 6 },
  { name: 'nothing (an empty size)', shape: [3, 4], begin: [1, 1], size: [0, 2], copies: 0 },
];

describe('Slice, SplitV and Concat on wasm copy in long runs', () => {
  onWasmWithoutLeaks();

  for (const dtype of ['float32', 'int32', 'bool'] as const) {
    it.each(sliceCases)(`slice, ${dtype}: $name`, ({ shape, begin, size, copies }) => {
      const x = iota(shape, dtype);
      const { result: box, copies: made } = counted(() => tf.slice(x, begin, size));
      expect(made).toBe(copies);
      expect(box.shape).toEqual(size);
      expect(box.dtype).toBe(dtype);
      expect(read(box)).toEqual(expectedBox(shape, begin, size, dtype));
      tf.dispose([x, box]);
    });
  }

  it('a size of −1 takes the rest of that axis', () => {
    const x = iota([3, 4]);
    const rest = tf.slice(x, [1, 1], [-1, -1]);
    expect(read(rest)).toEqual(expectedBox([3, 4], [1, 1], [2, 3], 'float32'));
    tf.dispose([x, rest]);
  });

  it.each([
    [0, 3],
    [1, 3],
    [2, 3],
    [3, 15],
  ])('split along axis %i into uneven parts: each part is the slice it names (%i copy2d calls)', (axis, copies) => {
    const shape = [5, 4, 6, 7];
    const x = iota(shape, 'int32');
    const sizes = [2, 1, shape[axis] - 3];
    const { result: parts, copies: made } = counted(() => tf.split(x, sizes, axis));
    expect(made).toBe(copies);
    let start = 0;
    for (const [i, part] of parts.entries()) {
      const begin = shape.map((_, a) => (a === axis ? start : 0));
      const size = shape.map((n, a) => (a === axis ? sizes[i] : n));
      expect(part.shape).toEqual(size);
      expect(read(part)).toEqual(expectedBox(shape, begin, size, 'int32'));
      start += sizes[i];
    }
    tf.dispose([x, ...parts]);
  });

  // Along axis 0 of 3 the middle part is empty: two inputs to copy.
  it.each([
    [0, 2],
    [1, 3],
    [2, 3],
    [3, 3],
  ])('concat along axis %i puts each input back where a split took it from (%i copy2d calls, one per non-empty input)', (axis, expected) => {
    const shape = [3, 4, 5, 6];
    const x = iota(shape);
    const sizes = [1, shape[axis] - 3, 2];
    const parts = tf.split(x, sizes, axis);
    const { result: joined, copies } = counted(() => tf.concat(parts, axis));
    expect(copies).toBe(expected);
    expect(joined.shape).toEqual(shape);
    expect(read(joined)).toEqual(read(x));
    tf.dispose([x, joined, ...parts]);
  });

  it('concat of int32 and bool keeps the dtype, and skips empty inputs; one input left is the backend’s copy', () => {
    tf.tidy(() => {
      const { result: alone, copies: none } = counted(() => tf.concat([tf.tensor1d([4, 5]), tf.zeros([0])]));
      expect([none, ...read(alone)]).toEqual([0, 4, 5]);
      const ints = tf.concat([tf.tensor2d([[1, 2]], [1, 2], 'int32'), tf.zeros([1, 0], 'int32'), tf.tensor2d([[3, 4, 5]], [1, 3], 'int32')], 1);
      expect([ints.dtype, ...read(ints)]).toEqual(['int32', 1, 2, 3, 4, 5]);
      const bools = tf.concat([tf.tensor1d([true, false], 'bool'), tf.tensor1d([false, true, true], 'bool')]);
      expect([bools.dtype, ...read(bools)]).toEqual(['bool', 1, 0, 0, 1, 1]);
    });
  });

  it('strings keep the backend’s own kernels', () => {
    const words = tf.tensor2d(['a', 'b', 'c', 'd'], [2, 2], 'string');
    const { result: [column, both], copies } = counted(() => {
      const taken = tf.slice(words, [0, 1], [2, 1]);
      return [taken, tf.concat([words, taken], 1)];
    });
    expect(copies).toBe(0);
    expect(column.arraySync()).toEqual([['b'], ['d']]);
    expect(both.arraySync()).toEqual([
      ['a', 'b', 'b'],
      ['c', 'd', 'd'],
    ]);
    tf.dispose([words, column, both]);
  });

  it('a backend whose memory cannot be reached keeps its own kernels', () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const called: string[] = [];
    const original = (name: string): tf.KernelConfig => ({ kernelName: name, backendName: 'wasm', kernelFunc: () => (called.push(name), x) });
    const args = { inputs: { x }, backend: {}, attrs: { begin: [0, 0], size: [1, 2], numOrSizeSplits: [1, 1], axis: 0 } } as unknown as Parameters<tf.KernelFunc>[0];
    fastSlice(original('Slice')).kernelFunc(args);
    fastSplitV(original('SplitV')).kernelFunc(args);
    fastConcat(original('Concat')).kernelFunc({ ...args, inputs: [x, x] as unknown as tf.NamedTensorInfoMap });
    expect(called).toEqual(['Slice', 'SplitV', 'Concat']);
    x.dispose();
  });
});
