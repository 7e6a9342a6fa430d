import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile';
import { BatchNormWarmup } from './batchNormWarmup';
import { seedDropout } from './dropoutSeeds';
import { parseDesignText } from './prepareModel';
import { smallPresetDesign } from './trainFixtures';
import { trainableModel } from './trainStep';

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});

describe('BatchNormWarmup', () => {
  it('caps the decay of every batch-norm layer early in a run and restores it', () => {
    const { model } = compileDesign(parseDesignText(smallPresetDesign(2)));
    const layers = model.layers.filter((l) => l.weights.some((w) => w.originalName.endsWith('moving_mean'))) as unknown as { momentum: number }[];
    const base = layers[0].momentum;
    const warmup = new BatchNormWarmup(model);
    expect(warmup.count).toBe(layers.length);
    expect(warmup.count).toBeGreaterThan(10);
    expect(trainableModel(model, 2).kernels.length).toBeGreaterThan(10);
    warmup.apply(0);
    expect(layers.every((l) => l.momentum === 0.1)).toBe(true);
    warmup.apply(90);
    expect(layers[0].momentum).toBeCloseTo(0.91);
    warmup.apply(1e9);
    expect(layers[0].momentum).toBe(base);
    warmup.apply(5);
    warmup.restore();
    expect(layers.every((l) => l.momentum === base)).toBe(true);
    model.dispose();
  });

  it('gives the dropout layers a fresh seed at every step', () => {
    const { model } = compileDesign(parseDesignText(smallPresetDesign(2)));
    const dropout = model.layers.find((l) => l.getClassName() === 'Dropout') as unknown as { seed: number };
    expect(seedDropout(model, 1, 0)).toBe(1);
    const first = dropout.seed;
    seedDropout(model, 1, 1);
    expect(dropout.seed).not.toBe(first);
    seedDropout(model, 1, 0);
    expect(dropout.seed).toBe(first);
    model.dispose();
  });
});
