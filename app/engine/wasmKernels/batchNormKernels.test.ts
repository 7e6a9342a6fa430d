import { describe, expect, it } from 'vitest';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { normalizeRows, normalizeRowsGradient } from './batchNormKernels';

const epsilon = 1e-3;

/** The definition in float64: statistics, normalisation and gradients, one channel at a time. */
function reference(x: Float32Array, dy: Float32Array, gamma: Float32Array, beta: Float32Array, n: number, c: number) {
  const output = new Float64Array(n * c);
  const dx = new Float64Array(n * c);
  const mean = new Float64Array(c);
  const variance = new Float64Array(c);
  const dGamma = new Float64Array(c);
  const dBeta = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += x[r * c + ch];
    mean[ch] = sum / n;
    let squares = 0;
    for (let r = 0; r < n; r++) squares += (x[r * c + ch] - mean[ch]) ** 2;
    variance[ch] = squares / n;
    const rstd = 1 / Math.sqrt(variance[ch] + epsilon);
    let meanDy = 0;
    let meanDyDeviation = 0;
    for (let r = 0; r < n; r++) {
      const deviation = x[r * c + ch] - mean[ch];
      output[r * c + ch] = deviation * rstd * gamma[ch] + beta[ch];
      meanDy += dy[r * c + ch] / n;
      meanDyDeviation += (dy[r * c + ch] * deviation) / n;
    }
    for (let r = 0; r < n; r++) {
      const deviation = x[r * c + ch] - mean[ch];
      dx[r * c + ch] = gamma[ch] * rstd * (dy[r * c + ch] - meanDy - deviation * rstd * rstd * meanDyDeviation);
    }
    dGamma[ch] = meanDyDeviation * rstd * n;
    dBeta[ch] = meanDy * n;
  }
  return { output, dx, mean, variance, dGamma, dBeta };
}

function run(n: number, c: number) {
  // Offset and scaled so the batch mean is far from zero, as after a convolution.
  const x = seededValues(n * c, 5).map((v, i) => v * 3 + 2 + (i % c));
  const dy = seededValues(n * c, 6);
  const gamma = seededValues(c, 7).map((v) => v + 1.5);
  const beta = seededValues(c, 8);
  const forward = { output: new Float32Array(n * c).fill(Number.NaN), mean: new Float32Array(c), variance: new Float32Array(c) };
  normalizeRows(x, gamma, beta, epsilon, [n, c], forward);
  const backward = { dx: new Float32Array(n * c).fill(Number.NaN), dGamma: new Float32Array(c), dBeta: new Float32Array(c) };
  normalizeRowsGradient(dy, x, { mean: forward.mean, variance: forward.variance, gamma }, epsilon, [n, c], backward);
  return { actual: { ...forward, ...backward }, expected: reference(x, dy, gamma, beta, n, c) };
}

describe('normalizeRows and normalizeRowsGradient (batchNormKernels.wat)', () => {
  // Channel counts around the four SIMD lanes, and one activation of several blocks of rows
  // (more than 2²⁰ floats), its last block short.
  it.each([
    { n: 7, c: 1 },
    { n: 50, c: 3 },
    { n: 33, c: 4 },
    { n: 64, c: 6 },
    { n: 300, c: 24 },
    { n: 250_000, c: 5 },
  ])('match the float64 definition: $n rows of $c channels', ({ n, c }) => {
    const { actual, expected } = run(n, c);
    for (const what of ['output', 'mean', 'variance', 'dx', 'dGamma', 'dBeta'] as const) {
      expect(relativeMaxError(actual[what], expected[what]), what).toBeLessThan(n > 1000 ? 1e-4 : 1e-5);
    }
  });
});
