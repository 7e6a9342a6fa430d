import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { selectBackend } from '../backends/select';
import { floatsOf, tensorOf } from './heapTensors';

/** The wasm backend's memory, where its tensors' values lie. */
const wasmMemory = (): ArrayBufferLike => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer;

describe('floatsOf on wasm', () => {
  beforeEach(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it("is a view of the tensor's values in the backend's memory, no copy", () => {
    const t = tf.tensor2d([1.5, -2, 3, 4.25], [2, 2]);
    const values = floatsOf(t);
    expect(values.buffer).toBe(wasmMemory());
    expect([...values]).toEqual([1.5, -2, 3, 4.25]);
    t.dispose();
  });

  it("copies an int32 tensor's values through dataSync, as numbers", () => {
    const t = tf.tensor1d([7, -3], 'int32');
    const values = floatsOf(t);
    expect(values.buffer).not.toBe(wasmMemory());
    expect([...values]).toEqual([7, -3]);
    t.dispose();
  });

  it('reads a tensor that still lies on another backend through dataSync', async () => {
    await selectBackend({ backend: 'cpu' });
    const t = tf.tensor1d([0.5, 9]);
    await selectBackend({ backend: 'wasm' });
    expect([...floatsOf(t)]).toEqual([0.5, 9]);
    t.dispose();
  });

  it('refuses a disposed tensor with tfjs’ own message', () => {
    const t = tf.scalar(1);
    t.dispose();
    expect(() => floatsOf(t)).toThrow('Tensor is disposed.');
  });
});

describe.each(['wasm', 'cpu'] as const)('tensorOf on %s', (backend) => {
  afterAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('keeps the values it was made with when the array changes afterwards', async () => {
    await selectBackend({ backend });
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const t = tensorOf(values.subarray(2, 6), [2, 2]);
    values.fill(0);
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([2, 2]);
    expect([...t.dataSync()]).toEqual([3, 4, 5, 6]);
    t.dispose();
  });
});

describe('tensorOf’s own copy', () => {
  afterAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  /** How many times tensorOf sliced a view of 4 floats on `backend`. */
  async function slicesOn(backend: 'wasm' | 'cpu'): Promise<number> {
    await selectBackend({ backend });
    const view = new Float32Array(8).subarray(0, 4);
    const slice = vi.spyOn(view, 'slice');
    tensorOf(view, [4]).dispose();
    return slice.mock.calls.length;
  }

  it('is skipped on wasm, which copies the values into its memory', async () => {
    expect(await slicesOn('wasm')).toBe(0);
  });

  it('is made on cpu, whose backend keeps the array it is given', async () => {
    expect(await slicesOn('cpu')).toBe(1);
  });
});
