import { describe, expect, it } from 'vitest';
import { chain } from '../analysis/testing/designs';
import { buildPreset } from '../presets/index';
import { classifierResize } from './classifierResize';

describe('classifierResize', () => {
  const preset = buildPreset('inception-v4', { input: 75, width: 0.1, repeats: [1, 1, 1], classes: 3 });

  it('names the classifier and both sizes when the dataset has another class count', () => {
    expect(classifierResize(preset, 5)).toEqual({ node: 'logits', from: 3, to: 5 });
  });

  it('is null when the sizes agree, the dataset is unknown or the design has no classifier', () => {
    expect(classifierResize(preset, 3)).toBeNull();
    expect(classifierResize(preset, undefined)).toBeNull();
    expect(classifierResize(preset, 0)).toBeNull();
    expect(classifierResize(chain([['c1', 'conv2d']]), 5)).toBeNull();
  });

  it('sizes down to a single class, but never to none or fewer', () => {
    expect(classifierResize(preset, 1)).toEqual({ node: 'logits', from: 3, to: 1 });
    expect(classifierResize(preset, 2)).toEqual({ node: 'logits', from: 3, to: 2 });
    expect(classifierResize(preset, -1)).toBeNull();
  });
});
