import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { kernelCalls } from '../testing/kernelCalls';
import { movingAverage } from './movingAverage';

/** Values with a spread of magnitudes and signs, the same every run. */
const values = (count: number, seed: number): Float32Array => Float32Array.from({ length: count }, (_, i) => Math.sin(seed * 97 + i * 13.7) * 10 ** ((i % 7) - 3));

async function averageOn(backend: 'wasm' | 'cpu', rate: number): Promise<Float32Array> {
  await selectBackend({ backend });
  const current = tf.tensor1d(values(1536, 1));
  const batch = tf.tensor1d(values(1536, 2));
  const next = movingAverage(current, batch, rate);
  const result = next.dataSync() as Float32Array;
  tf.dispose([current, batch, next]);
  return result;
}

describe('movingAverage', () => {
  afterAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it.each([0.1, 0.0003, 1 - 0.9997, 0.5])('gives on wasm the bits tfjs’ kernels give on cpu (rate %s)', async (rate) => {
    const cpu = await averageOn('cpu', rate);
    expect(await averageOn('wasm', rate)).toEqual(cpu);
  });

  it('moves the average the given part of the way to the batch value', async () => {
    await selectBackend({ backend: 'wasm' });
    const next = movingAverage(tf.tensor1d([0, 10]), tf.tensor1d([4, 40]), 0.1);
    expect([...next.dataSync()]).toEqual([Math.fround(0.4), 13]);
    next.dispose();
  });

  it('runs no kernel on wasm and leaves only its result behind', async () => {
    await selectBackend({ backend: 'wasm' });
    const current = tf.tensor1d([1, 2, 3]);
    const batch = tf.tensor1d([3, 2, 1]);
    const before = tf.memory().numTensors;
    const { result, calls } = kernelCalls('wasm', () => movingAverage(current, batch, 0.25));
    expect([...calls.keys()]).toEqual([]);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect([...result.dataSync()]).toEqual([1.5, 2, 2.5]);
    tf.dispose([current, batch, result]);
  });

  it('keeps to tfjs’ kernels off wasm, where the values may lie on a GPU that cannot be read synchronously', async () => {
    await selectBackend({ backend: 'cpu' });
    const current = tf.tensor1d([1, 2]);
    const batch = tf.tensor1d([3, 0]);
    const { result, calls } = kernelCalls('cpu', () => movingAverage(current, batch, 0.5));
    expect(Object.fromEntries(calls)).toEqual({ Sub: 2, Multiply: 1 });
    expect([...result.dataSync()]).toEqual([2, 1]);
    tf.dispose([current, batch, result]);
  });
});
