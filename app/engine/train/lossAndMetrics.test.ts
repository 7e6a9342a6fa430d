import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { addWeightDecay, clipByGlobalNorm, crossEntropy } from './lossAndMetrics';

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});

const probabilities = [
  [0.7, 0.2, 0.1],
  [0.25, 0.25, 0.5],
];
const labels = [0, 2];

/** `−Σ y · log p` averaged over the rows, with `y` the one-hot labels smoothed by `smoothing`, in plain numbers. */
function expectedCrossEntropy(smoothing: number): number {
  const rows = probabilities.map((row, r) => -row.reduce((sum, p, c) => sum + ((c === labels[r] ? 1 - smoothing : 0) + smoothing / 3) * Math.log(p), 0));
  return rows.reduce((a, b) => a + b, 0) / rows.length;
}

async function crossEntropyOf(rows: number[][], smoothing: number): Promise<number> {
  const p = tf.tensor2d(rows);
  const l = tf.tensor1d(labels, 'int32');
  const loss = crossEntropy(p, l, 3, smoothing);
  const value = (await loss.data())[0];
  tf.dispose([p, l, loss]);
  return value;
}

describe('crossEntropy', () => {
  it('is the mean negative log-probability of the true classes without smoothing', async () => {
    expect(await crossEntropyOf(probabilities, 0)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.5)) / 2, 6);
  });

  it('moves `smoothing` of each target onto all classes evenly', async () => {
    expect(await crossEntropyOf(probabilities, 0.3)).toBeCloseTo(expectedCrossEntropy(0.3), 6);
    expect(await crossEntropyOf(probabilities, 0.3)).toBeGreaterThan(await crossEntropyOf(probabilities, 0));
  });

  it('reads a zero probability as 1e-7, so the loss stays finite', async () => {
    expect(await crossEntropyOf([[0, 0.5, 0.5], [0.25, 0.25, 0.5]], 0)).toBeCloseTo((-Math.log(1e-7) - Math.log(0.5)) / 2, 4);
  });
});

describe('clipByGlobalNorm', () => {
  it('leaves the gradients alone at a threshold of 0 (clipping off) and reports their norm', async () => {
    const grads = [tf.tensor1d([3, 0]), tf.tensor1d([0, 4])];
    const { clipped, norm } = await clipByGlobalNorm(grads, 0);
    expect(norm).toBeCloseTo(5, 6);
    expect([...(await clipped[0].data()), ...(await clipped[1].data())]).toEqual([3, 0, 0, 4]);
    expect(clipped[0]).not.toBe(grads[0]);
    tf.dispose([...grads, ...clipped]);
  });
});

describe('addWeightDecay', () => {
  it('adds weightDecay · kernel to the kernels\' gradients only, as new tensors', async () => {
    const kernel = tf.variable(tf.tensor1d([2, -4]));
    const bias = tf.variable(tf.tensor1d([10]));
    const grads = [tf.tensor1d([1, 1]), tf.tensor1d([1])];
    const decayed = addWeightDecay(grads, [kernel, bias], [kernel], 0.5);
    expect([...(await decayed[0].data())]).toEqual([2, -1]);
    expect([...(await decayed[1].data())]).toEqual([1]);
    expect(decayed.every((g, i) => g !== grads[i])).toBe(true);
    expect([...(await grads[0].data())]).toEqual([1, 1]);
    tf.dispose([kernel, bias, ...grads, ...decayed]);
  });

  it('leaves every gradient as it was at a decay of 0', async () => {
    const kernel = tf.variable(tf.tensor1d([2, -4]));
    const grads = [tf.tensor1d([1, 3])];
    const same = addWeightDecay(grads, [kernel], [kernel], 0);
    expect([...(await same[0].data())]).toEqual([1, 3]);
    expect(same[0]).not.toBe(grads[0]);
    tf.dispose([kernel, ...grads, ...same]);
  });
});
