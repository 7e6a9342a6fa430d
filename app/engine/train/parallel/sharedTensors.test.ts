import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onWasmWithoutLeaks } from '../../testing/wasmWithoutLeaks';
import { sharedFloats, tensorLayout, tensorValues, writeTensors } from './sharedTensors';

describe('tensorLayout', () => {
  it('lays tensors end to end, a scalar taking one float and a zero-sized tensor none', () => {
    expect(tensorLayout([[2, 3], [], [4], [0, 5], [1, 1, 5]])).toEqual({ offsets: [0, 6, 7, 11, 11], sizes: [6, 1, 4, 0, 5], total: 16 });
  });

  it('lays out no tensors in no floats', () => {
    expect(tensorLayout([])).toEqual({ offsets: [], sizes: [], total: 0 });
  });
});

describe('sharedFloats', () => {
  it('is shared memory for exactly the layout’s floats', () => {
    const buffer = sharedFloats(tensorLayout([[3, 2], []]));
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(buffer.byteLength).toBe(7 * Float32Array.BYTES_PER_ELEMENT);
  });
});

describe('writeTensors and tensorValues', () => {
  onWasmWithoutLeaks();

  it('writes each tensor at its offset and leaves the floats past the layout alone', () => {
    const tensors = [tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.scalar(5), tf.tensor1d([6, 7, 8])];
    const layout = tensorLayout(tensors.map((t) => t.shape));
    const target = new Float32Array(layout.total + 2).fill(-1);
    try {
      writeTensors(tensors, target, layout);
    } finally {
      tf.dispose(tensors);
    }
    expect([...target]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, -1, -1]);
  });

  it('reads a tensor’s range as a view of the source, not a copy', () => {
    const layout = tensorLayout([[2], [3], [1]]);
    const source = new Float32Array(sharedFloats({ offsets: [], sizes: [], total: 8 }));
    source.forEach((_, i) => (source[i] = i));
    const middle = tensorValues(source, layout, 1);
    expect([...middle]).toEqual([2, 3, 4]);
    expect(middle.buffer).toBe(source.buffer);
    source[3] = 30;
    middle[0] = 20;
    expect([...middle]).toEqual([20, 30, 4]);
    expect(source[2]).toBe(20);
    expect([...tensorValues(source, layout, 2)]).toEqual([5]);
  });
});
