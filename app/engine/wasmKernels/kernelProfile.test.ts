import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { formatKernelTable, profileKernels, type KernelTiming } from './kernelProfile';

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
    tf.dispose([dy, filter]);
  });

  it('keys by kernel name alone unless asked for shapes', () => {
    const [a, b] = [tf.ones([2, 3]), tf.ones([3])];
    const profiler = profileKernels('wasm');
    tf.tidy(() => tf.add(a, b));
    expect(profiler.stop().map((t) => t.kernel)).toEqual(['Add']);
    tf.dispose([a, b]);
  });

  it('by shape, names each input with its shape (empty where absent) and the strides where the kernel has them', () => {
    const x = tf.ones([1, 6, 6, 2]) as tf.Tensor4D;
    const filter = tf.ones([3, 3, 2, 4]) as tf.Tensor4D;
    const scalar = tf.scalar(2);
    const profiler = profileKernels('wasm', { byShape: true });
    tf.tidy(() => tf.mul(tf.fused.conv2d({ x, filter, strides: [1, 2], pad: 'same' }), scalar));
    expect(profiler.stop().map((t) => t.kernel).sort()).toEqual(['FusedConv2D x[1,6,6,2] filter[3,3,2,4] bias[] preluActivationWeights[] s1,2', 'Multiply a[1,6,3,4] b[]']);
    tf.dispose([x, filter, scalar]);
  });
});

describe('formatKernelTable', () => {
  const timings: KernelTiming[] = [
    { kernel: 'Conv2D x[1,4,4,8] filter[3,3,8,8] s1', calls: 12, selfMs: 30.4 },
    { kernel: 'Add', calls: 3, selfMs: 12.4 },
    { kernel: 'Relu', calls: 100, selfMs: 2 },
  ];

  it('lists each kernel’s time, share of the total and calls, then the time in kernels', () => {
    expect(formatKernelTable(timings, 80).split('\n')).toEqual([
      '      30 ms  38.0%     12×  Conv2D x[1,4,4,8] filter[3,3,8,8] s1',
      '      12 ms  15.5%      3×  Add',
      '       2 ms   2.5%    100×  Relu',
      '      45 ms  56.0%          in kernels (of 80 ms)',
    ]);
  });

  it('lists only the slowest rows but counts every kernel in the total', () => {
    expect(formatKernelTable(timings, 200, 1)).toBe(['      30 ms  15.2%     12×  Conv2D x[1,4,4,8] filter[3,3,8,8] s1', '      45 ms  22.4%          in kernels (of 200 ms)'].join('\n'));
  });
});
