import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { formatKernelTable, profileKernels } from './kernelProfile';

describe('profileKernels', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('counts every kernel call, charges nested kernels to themselves and restores the kernels', () => {
    const original = tf.getKernel(tf.Conv2DBackpropInput, 'wasm')?.kernelFunc;
    const dy = tf.ones([1, 4, 4, 8]) as tf.Tensor4D;
    const filter = tf.ones([3, 3, 8, 8]) as tf.Tensor4D;
    const profiler = profileKernels('wasm', { byShape: true });
    // The engine's Conv2DBackpropInput runs a forward Conv2D inside itself.
    tf.tidy(() => tf.add(tf.conv2dTranspose(dy, filter, [1, 4, 4, 8], 1, 'same'), 1));
    const timings = profiler.stop();
    expect(tf.getKernel(tf.Conv2DBackpropInput, 'wasm')?.kernelFunc).toBe(original);
    const find = (prefix: string) => timings.find((t) => t.kernel.startsWith(prefix));
    expect(find('Conv2DBackpropInput dy[1,4,4,8] filter[3,3,8,8]')?.calls).toBe(1);
    expect(find('Conv2D x[1,4,4,8]')?.calls).toBe(1);
    expect(find('Add ')?.calls).toBe(1);
    expect(timings.every((t) => t.selfMs >= 0)).toBe(true);
    expect(timings.map((t) => t.selfMs)).toEqual([...timings.map((t) => t.selfMs)].sort((a, b) => b - a));
    const table = formatKernelTable(timings, 100);
    expect(table).toMatch(/Conv2DBackpropInput/);
    expect(table.split('\n').at(-1)).toMatch(/in kernels \(of 100 ms\)/);
    tf.dispose([dy, filter]);
  });
});
