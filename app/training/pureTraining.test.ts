import { describe, expect, it } from 'vitest';
import { defaultTrainConfig, resolveTrainConfig } from './defaults';
import { addToConfusion, MetricsAccumulator, topKCorrect } from './metrics';
import { parseTrainerCommand } from './processProtocol';
import { buildScanReport } from './scanReport';
import { learningRateAt } from './schedule';
import { createRandom, mixSeed, shuffledIndices } from './seededRandom';

describe('training defaults and schedule', () => {
  it('follows the paper: RMSProp 0.9 / ε 1.0, 0.045 × 0.94 every two epochs, clipping at 2.0', () => {
    expect(defaultTrainConfig).toMatchObject({ optimizer: 'rmsprop', rmsDecay: 0.9, epsilon: 1, learningRate: 0.045, lrDecayRate: 0.94, lrDecayEpochs: 2, clipNorm: 2 });
    expect(learningRateAt(defaultTrainConfig, 0)).toBe(0.045);
    expect(learningRateAt(defaultTrainConfig, 1.99)).toBe(0.045);
    expect(learningRateAt(defaultTrainConfig, 2)).toBeCloseTo(0.045 * 0.94);
    expect(learningRateAt(defaultTrainConfig, 7.5)).toBeCloseTo(0.045 * 0.94 ** 3);
  });

  it('fills defaults, gives Adam its own rate, and names every bad field', () => {
    expect(resolveTrainConfig({ epochs: 3 }).epochs).toBe(3);
    expect(resolveTrainConfig({ optimizer: 'adam' }).learningRate).toBe(0.001);
    expect(resolveTrainConfig({ optimizer: 'adam', learningRate: 0.01 }).learningRate).toBe(0.01);
    expect(() => resolveTrainConfig({ batchSize: 1.5, rmsDecay: 1, optimizer: 'lion' as never })).toThrow(/optimizer 'lion' is unknown.*rmsDecay must be a number in \[0, 1\).*batchSize must be a whole number > 0, got 1.5/);
  });
});

describe('metrics', () => {
  it('counts top-k hits with ties against the label', () => {
    const probs = [0.1, 0.7, 0.2, 0.5, 0.25, 0.25, 1 / 3, 1 / 3, 1 / 3];
    expect(topKCorrect(probs, [1, 0, 2], 3, 1)).toBe(2);
    expect(topKCorrect(probs, [2, 1, 0], 3, 2)).toBe(3);
    expect(topKCorrect(probs, [0, 2, 2], 3, 1)).toBe(0);
  });

  it('averages over images and fills a confusion matrix', () => {
    const acc = new MetricsAccumulator();
    acc.add(1, 2, 4, 4);
    acc.add(0.5, 1, 1, 2);
    expect(acc.mean()).toEqual({ loss: 5 / 6, top1: 0.5, top5: 5 / 6 });
    const matrix = [
      [0, 0],
      [0, 0],
    ];
    addToConfusion(matrix, [0.9, 0.1, 0.2, 0.8, 0.6, 0.4], [0, 1, 1], 2);
    expect(matrix).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });
});

describe('seeded randomness', () => {
  it('is a pure function of the seed', () => {
    expect(shuffledIndices(10, 3)).toEqual(shuffledIndices(10, 3));
    expect(shuffledIndices(10, 3)).not.toEqual(shuffledIndices(10, 4));
    expect([...shuffledIndices(50, 9)].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    const r = createRandom(5);
    const values = Array.from({ length: 1000 }, r);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('scan report', () => {
  it('computes imbalance and warns about too few classes and empty ones', () => {
    const report = buildScanReport({ root: '/d', kind: 'folder', classNames: ['a', 'b'], counts: [0, 5], unreadable: [], smallerThanInput: [], inputSize: 75 });
    expect(report.total).toBe(5);
    expect(report.imbalance).toBe(1);
    expect(report.warnings).toEqual(["Class 'a' has no readable images."]);
    expect(buildScanReport({ root: '/d', kind: 'folder', classNames: ['a'], counts: [3], unreadable: [], smallerThanInput: [], inputSize: 75 }).warnings[0]).toMatch(/needs at least 2/);
  });
});

describe('trainer process protocol', () => {
  it('accepts the four commands and explains anything else', () => {
    expect(parseTrainerCommand({ type: 'stop' })).toEqual({ ok: true, value: { type: 'stop' } });
    const start = { type: 'start', request: { design: '{}', runDir: '/r', config: {} } };
    expect(parseTrainerCommand(start)).toEqual({ ok: true, value: start });
    expect(parseTrainerCommand({ type: 'start', request: { design: '{}', config: {} } })).toEqual({ ok: false, error: 'start: "request.runDir" must be a folder path' });
    expect(parseTrainerCommand({ type: 'jump' })).toEqual({ ok: false, error: "unknown trainer message type 'jump'" });
    expect(parseTrainerCommand(null)).toMatchObject({ ok: false });
  });
});
