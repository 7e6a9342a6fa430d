import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onWasmWithoutLeaks } from '../testing/wasmWithoutLeaks';

const refCount = (t: tf.Tensor): number => tf.backend().refCount(t.dataId);

describe('Identity and same-dtype Cast on wasm share memory', () => {
  onWasmWithoutLeaks();

  it('a clone shares its source memory, which outlives whichever is disposed first', () => {
    const source = tf.tensor2d([
      [1, -2],
      [3.5, 4],
    ]);
    const clone = tf.clone(source);
    expect(clone.dataId).toBe(source.dataId);
    expect(refCount(source)).toBe(2);
    source.dispose();
    expect(refCount(clone)).toBe(1);
    expect(clone.arraySync()).toEqual([
      [1, -2],
      [3.5, 4],
    ]);
    clone.dispose();
    expect(refCount(clone)).toBe(0);
  });

  it('a cast to the same dtype shares, one to another dtype converts into memory of its own', () => {
    const ints = tf.tensor1d([7, -1, 300], 'int32');
    const same = tf.cast(ints, 'int32');
    const floats = tf.cast(ints, 'float32');
    expect(same.dataId).toBe(ints.dataId);
    expect(floats.dataId).not.toBe(ints.dataId);
    expect([floats.dtype, ...floats.dataSync()]).toEqual(['float32', 7, -1, 300]);
    tf.dispose([ints, same, floats]);
  });

  it('string tensors are still copied (their values live in JavaScript)', () => {
    const words = tf.tensor1d(['cat', 'dog'], 'string');
    const clone = tf.clone(words);
    expect(clone.dataId).not.toBe(words.dataId);
    words.dispose();
    expect(clone.arraySync()).toEqual(['cat', 'dog']);
    clone.dispose();
  });

  it('gradients read the tensors the tape saved by sharing, after the forward pass freed its own', () => {
    const start = tf.tensor1d([-2, 0.5, 3]);
    const x = tf.variable(start);
    // d/dx Σ relu(x)·x = 2x where x > 0, else 0; the tape saves x and relu(x) for the backward pass.
    const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.sum(tf.mul(tf.relu(x), x))), [x]);
    expect(value.dataSync()[0]).toBeCloseTo(9.25, 6);
    expect([...grads[x.name].dataSync()]).toEqual([0, 1, 6]);
    tf.dispose([value, grads[x.name], x, start]);
  });
});
