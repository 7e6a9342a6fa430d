import { describe, expect, it } from 'vitest';
import { defaultTrainConfig, describeHyperparameter, resolveTrainConfig, TrainConfigError, trainConfigProblems } from './defaults';
import type { TrainConfig } from './types';

describe('defaultTrainConfig', () => {
  it('is the paper recipe, with augmentation on', () => {
    expect(defaultTrainConfig).toEqual({
      optimizer: 'rmsprop',
      learningRate: 0.045,
      lrDecayRate: 0.94,
      lrDecayEpochs: 2,
      rmsDecay: 0.9,
      epsilon: 1.0,
      momentum: 0.9,
      clipNorm: 2.0,
      emaDecay: 0.9999,
      labelSmoothing: 0.1,
      weightDecay: 4e-5,
      batchSize: 32,
      epochs: 100,
      seed: 1,
      validationSplit: 0.1,
      augment: true,
    });
    expect(trainConfigProblems({ ...defaultTrainConfig })).toEqual([]);
  });
});

describe('describeHyperparameter', () => {
  it('says what 0 means only for settings where 0 switches something off', () => {
    expect(describeHyperparameter('clipNorm')).toBe('a number ≥ 0 (0 disables clipping)');
    expect(describeHyperparameter('learningRate')).toBe('a number > 0');
  });
});

describe('trainConfigProblems', () => {
  it('names each bad field in its own sentence, in configuration order', () => {
    const config = { ...defaultTrainConfig, optimizer: 'nag', augment: 'yes', learningRate: -1, batchSize: 2.5 } as unknown as TrainConfig;
    expect(trainConfigProblems(config)).toEqual([
      "optimizer 'nag' is unknown; use one of rmsprop, sgd, adam.",
      'augment must be true or false.',
      'learningRate must be a number > 0, got -1.',
      'batchSize must be a whole number > 0, got 2.5.',
    ]);
  });

  it('rejects a missing numeric setting', () => {
    const config = { ...defaultTrainConfig, epochs: undefined } as unknown as TrainConfig;
    expect(trainConfigProblems(config)).toEqual(['epochs must be a whole number > 0, got undefined.']);
  });
});

describe('resolveTrainConfig', () => {
  it('throws a TrainConfigError whose message lists every problem', () => {
    const resolve = (): TrainConfig => resolveTrainConfig({ learningRate: 0, augment: 1 as unknown as boolean });
    expect(resolve).toThrow(TrainConfigError);
    expect(resolve).toThrow('Invalid training configuration: augment must be true or false. learningRate must be a number > 0, got 0.');
    try {
      resolve();
    } catch (error) {
      expect((error as Error).name).toBe('TrainConfigError');
    }
  });

  it('fills the defaults and gives Adam its own rate unless one is set', () => {
    expect(resolveTrainConfig({ epochs: 3, seed: undefined })).toEqual({ ...defaultTrainConfig, epochs: 3 });
    expect(resolveTrainConfig({ optimizer: 'adam' }).learningRate).toBe(0.001);
    expect(resolveTrainConfig({ optimizer: 'adam', learningRate: 0.01 }).learningRate).toBe(0.01);
  });
});
