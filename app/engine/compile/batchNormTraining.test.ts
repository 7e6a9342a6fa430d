import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { checkWebGpuErrors, releaseWebGpu } from '../backends/webgpu';
import { callsOf, kernelCalls } from '../testing/kernelCalls';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { webGpuSkipReason } from '../testing/webgpuTesting';
import { NORMALIZE_BATCH, NORMALIZE_BATCH_GRADIENT, normalizeBatch } from './batchNormTraining';

const epsilon = 1e-3;

/** The same normalisation from tfjs ops, differentiated by tfjs itself. */
function reference(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor {
  const { mean, variance } = tf.moments(x, Array.from({ length: x.rank - 1 }, (_, i) => i));
  return tf.batchNorm(x, mean, variance, beta, gamma, epsilon);
}

function normalized(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D): tf.Tensor {
  return normalizeBatch(x, gamma, beta, epsilon, () => undefined);
}

/** Output and gradients of Σ w·f(x, γ, β), with fixed weights w so every gradient is non-trivial. */
function compute(f: typeof reference, shape: number[]): tf.Tensor[] {
  return tf.tidy(() => {
    const channels = shape[shape.length - 1];
    const size = shape.reduce((a, b) => a * b, 1);
    // Offset and scaled so the batch mean is far from zero, as after a convolution.
    const x = tf.tensor(seededValues(size, 5), shape).mul(3).add(2);
    const weights = tf.tensor(seededValues(size, 6), shape);
    const gamma = tf.tensor1d(seededValues(channels, 7)).add(1) as tf.Tensor1D;
    const beta = tf.tensor1d(seededValues(channels, 8)) as tf.Tensor1D;
    const loss = (xi: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Scalar => tf.sum(tf.mul(f(xi, g as tf.Tensor1D, b as tf.Tensor1D), weights));
    const grads = tf.grads(loss)([x, gamma, beta]);
    return [f(x, gamma, beta), ...grads];
  });
}

/** `compute`'s tensors read back (asynchronously, as webgpu needs), then freed. */
async function values(tensors: tf.Tensor[]): Promise<Float32Array[]> {
  const read = await Promise.all(tensors.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose(tensors);
  return read;
}

const run = (f: typeof reference, shape: number[]): Promise<Float32Array[]> => values(compute(f, shape));

const webGpuSkip = await webGpuSkipReason();

describe('normalizeBatch', () => {
  const shapes = [{ shape: [4, 5, 3, 6] }, { shape: [7, 10] }];

  it.each(shapes)('matches tfjs moments + batchNorm and its gradients on cpu and wasm: $shape', async ({ shape }) => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await selectBackend({ backend });
      const expected = await run(reference, shape);
      const actual = await run(normalized, shape);
      ['output', 'dx', 'dγ', 'dβ'].forEach((what, i) => expect(relativeMaxError(actual[i], expected[i]), `${backend} ${what}`).toBeLessThan(1e-4));
    }
  });

  it('runs as the two fused kernels on wasm, no average pools, and matches the tfjs ops on cpu', async () => {
    const shape = [4, 5, 3, 6];
    await selectBackend({ backend: 'cpu' });
    const { result: onCpu, calls: cpuCalls } = kernelCalls('cpu', () => compute(normalized, shape));
    const expected = await values(onCpu);
    await selectBackend({ backend: 'wasm' });
    const { result, calls } = kernelCalls('wasm', () => compute(normalized, shape));
    const actual = await values(result);
    ['output', 'dx', 'dγ', 'dβ'].forEach((what, i) => expect(relativeMaxError(actual[i], expected[i]), what).toBeLessThan(1e-5));
    // compute() runs the forward pass twice: once under the gradient and once for the output.
    expect(callsOf(calls, { [NORMALIZE_BATCH]: 2, [NORMALIZE_BATCH_GRADIENT]: 1, AvgPool: 0 })).toEqual({ [NORMALIZE_BATCH]: 2, [NORMALIZE_BATCH_GRADIENT]: 1, AvgPool: 0 });
    expect(cpuCalls.get(NORMALIZE_BATCH)).toBeUndefined();
    expect(cpuCalls.get('AvgPool')).toBeGreaterThan(0);
  });

  it('hands the batch statistics to the callback and leaves no tensors behind', async () => {
    await selectBackend({ backend: 'wasm' });
    const x = tf.tensor2d([1, 10, 3, 30, 5, 50], [3, 2]);
    const gamma = tf.ones([2]) as tf.Tensor1D;
    const beta = tf.zeros([2]) as tf.Tensor1D;
    const before = tf.memory().numTensors;
    const seen: number[][] = [];
    const { grads, value } = tf.tidy(() =>
      tf.valueAndGrads((xi: tf.Tensor) =>
        tf.sum(
          tf.square(
            normalizeBatch(xi, gamma, beta, epsilon, (mean, variance) => {
              seen.push(Array.from(mean.dataSync()), Array.from(variance.dataSync()));
            }),
          ),
        ),
      )([x]),
    );
    expect(seen).toEqual([
      [3, 30],
      [expect.closeTo(8 / 3, 5), expect.closeTo(800 / 3, 3)],
    ]);
    tf.dispose([...grads, value]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, gamma, beta]);
  });

  it('ops on the statistics (the moving-average update) are not recorded on the gradient tape: no saved copies, and the update lands', async () => {
    await selectBackend({ backend: 'wasm' });
    const x = tf.tensor(seededValues(4 * 3 * 5, 3), [4, 3, 5]);
    const gamma = tf.ones([5]) as tf.Tensor1D;
    const beta = tf.zeros([5]) as tf.Tensor1D;
    const moving = tf.variable(tf.zeros([5]), false);
    const step = (update: boolean): void => {
      const { grads, value } = tf.valueAndGrads((xi: tf.Tensor) =>
        tf.sum(
          normalizeBatch(xi, gamma, beta, epsilon, (mean) => {
            if (update) tf.tidy(() => moving.assign(tf.sub(moving, tf.mul(tf.sub(moving, mean), 0.1))));
          }),
        ),
      )([x]);
      tf.dispose([...grads, value]);
    };
    // The tape clones (Identity) every input an op's gradient saves: Sub and Mul would add some.
    const without = kernelCalls('wasm', () => step(false)).calls;
    const withUpdate = kernelCalls('wasm', () => step(true)).calls;
    expect(withUpdate.get('Identity')).toBe(without.get('Identity'));
    expect(withUpdate.get('Sub')! - (without.get('Sub') ?? 0)).toBe(2);
    const mean = tf.tidy(() => tf.moments(x, [0, 1]).mean.dataSync());
    expect(Array.from(moving.dataSync())).toEqual(Array.from(mean, (m) => expect.closeTo(0.1 * m, 6)));
    tf.dispose([x, gamma, beta, moving]);
  });
});

describe.skipIf(webGpuSkip !== null)(`normalizeBatch on webgpu${webGpuSkip ? ` (skipped: ${webGpuSkip})` : ''}`, () => {
  afterAll(() => releaseWebGpu());

  it('averages each channel with a matmul instead of an average pool, matching the cpu backend', async () => {
    const shape = [4, 5, 3, 6];
    await selectBackend({ backend: 'cpu' });
    const expected = await run(reference, shape);
    await selectBackend({ backend: 'webgpu' });
    const { result, calls } = kernelCalls('webgpu', () => compute(normalized, shape));
    const actual = await values(result);
    checkWebGpuErrors();
    ['output', 'dx', 'dγ', 'dβ'].forEach((what, i) => expect(relativeMaxError(actual[i], expected[i]), what).toBeLessThan(1e-4));
    expect(calls.get('AvgPool')).toBeUndefined();
    expect(calls.get('BatchMatMul')).toBeGreaterThan(0);
  });
});
