import { describe, expect, it } from 'vitest';
import { buildPreset } from '../../../app/presets/index';
import { FORM_CHOICES, presetForm, readPresetForm } from './presetForm';

describe('preset form', () => {
  it('starts from the preset defaults, scales only where the preset has residual blocks', () => {
    expect(presetForm('inception-v4')).toEqual({ input: '299', classes: '1000', width: '1', repeats: '4, 7, 3', bnGamma: 'true', dropout: '0.2' });
    expect(presetForm('inception-resnet-v2').scales).toMatch(/^[\d.]+, [\d.]+, [\d.]+$/);
  });

  it('reads back the options that rebuild the same preset', () => {
    const { options, errors } = readPresetForm(presetForm('inception-resnet-v2'));
    expect(errors).toEqual({});
    expect(buildPreset('inception-resnet-v2', options)).toEqual(buildPreset('inception-resnet-v2'));
  });

  it('offers the small CPU network', () => {
    const small = FORM_CHOICES.find((choice) => choice.id === 'small');
    const form = presetForm('inception-v4', small?.options);
    expect(form).toMatchObject({ input: '75', width: '0.25', repeats: '1, 1, 1' });
  });

  it('names each bad field with the limits the command line uses', () => {
    const { errors } = readPresetForm({ ...presetForm('inception-v4'), input: '5000', width: '0', repeats: '1, 2' });
    expect(errors.input).toBe('Input size (square, pixels) must be an integer between 1 and 4096 (the square input size).');
    expect(errors.width).toMatch(/^Width multiplier must be a multiplier in \(0, 8\]/);
    expect(errors.repeats).toMatch(/three comma-separated values/);
    expect(errors.classes).toBeUndefined();
  });
});
