import { describe, expect, it } from 'vitest';
import { defaultTrainConfig, trainConfigProblems } from '../../../app/training/defaults';
import { numericFields, optimizerChange, settingRows } from './hyperparameters';

describe('training settings', () => {
  it('lists every numeric setting once, each with an explanation', () => {
    const numeric = Object.keys(defaultTrainConfig).filter((key) => typeof defaultTrainConfig[key as keyof typeof defaultTrainConfig] === 'number');
    expect(numericFields.map((field) => field.key).sort()).toEqual(numeric.sort());
    expect(numericFields.every((field) => field.explanation.length > 10)).toBe(true);
    expect(trainConfigProblems({ ...defaultTrainConfig })).toEqual([]);
  });

  it('shows every setting of a run by its label, never by its key', () => {
    const rows = settingRows({ ...defaultTrainConfig, clipNorm: 0, augment: true });
    expect(rows).toHaveLength(Object.keys(defaultTrainConfig).length);
    for (const key of Object.keys(defaultTrainConfig)) expect(rows.map((row) => row.label)).not.toContain(key);
    expect(rows).toContainEqual({ label: 'Gradient clipping', value: 'off' });
    expect(settingRows({ ...defaultTrainConfig, labelSmoothing: 0, weightDecay: 0, seed: 0 })).toEqual(
      expect.arrayContaining([
        { label: 'Label smoothing', value: 'off' },
        { label: 'Weight decay', value: 'off' },
        // A seed of 0 is a seed, not a switch.
        { label: 'Seed', value: '0' },
      ]),
    );
    expect(rows).toContainEqual({ label: 'Learning rate', value: String(defaultTrainConfig.learningRate) });
    expect(rows).toContainEqual({ label: 'Augment training images', value: 'yes' });
  });

  it('moves a default learning rate to the new optimizer’s default, and keeps a chosen one', () => {
    expect(optimizerChange({ ...defaultTrainConfig }, 'adam')).toEqual({ optimizer: 'adam', learningRate: 0.001 });
    expect(optimizerChange({ ...defaultTrainConfig, optimizer: 'adam', learningRate: 0.001 }, 'rmsprop')).toEqual({ optimizer: 'rmsprop', learningRate: 0.045 });
    expect(optimizerChange({ ...defaultTrainConfig, learningRate: 0.01 }, 'adam')).toEqual({ optimizer: 'adam' });
  });
});
