import { describe, expect, it } from 'vitest';
import { dense, flatten, globalAvgPool } from './heads';

describe('globalAvgPool', () => {
  it('averages a non-square grid to its channels, recording the step', () => {
    expect(globalAvgPool.inferShape([[8, 5, 1536]], {}, 'pool')).toEqual({
      ok: true,
      value: { shape: [1536], step: { layerId: 'pool', op: 'global avg', from: [8, 5], to: [1, 1], formula: 'mean over 8×5 → 1×1' } },
    });
  });

  it('refuses a vector and a missing input, saying what it received', () => {
    const vector = globalAvgPool.inferShape([[1536]], {}, 'pool2');
    expect(!vector.ok && vector.error).toEqual({
      code: 'needs-feature-map',
      message: 'Global average pool pool2 needs an h×w×c feature map but receives a vector of 1536.',
      hint: 'Move it before the global pooling / flatten of the head.',
    });
    const none = globalAvgPool.inferShape([], {}, 'pool');
    expect(!none.ok && none.error.message).toBe('Global average pool pool needs an h×w×c feature map but receives no input.');
  });
});

describe('flatten', () => {
  it('lays a non-square map out as one vector, recording the step', () => {
    expect(flatten.inferShape([[3, 5, 2]], {}, 'f')).toEqual({
      ok: true,
      value: { shape: [30], step: { layerId: 'f', op: 'flatten', from: [3, 5], to: [1, 1], formula: '3·5·2 = 30 values' } },
    });
  });
});

describe('dense', () => {
  it('maps a vector to its units, and refuses a feature map by its shape', () => {
    const p = { units: 10, activation: 'linear', bias: true } as const;
    expect(dense.inferShape([[1536]], p, 'logits')).toEqual({ ok: true, value: { shape: [10] } });
    expect(dense.inferShape([[8, 5, 1536]], p, 'logits')).toEqual({
      ok: false,
      error: {
        code: 'dense-on-spatial',
        message: 'Fully connected layer logits receives a 8×5×1536 feature map; it needs a vector.',
        hint: 'Add a global average pool (or a flatten) before it.',
      },
    });
  });

  it('counts a bias per unit only when it has one', () => {
    expect(dense.cost([[1536]], [10], { units: 10, activation: 'linear', bias: false })).toEqual({ trainable: 15_360, nonTrainable: 0, macs: 15_360 });
    expect(dense.cost([[1536]], [10], { units: 10, activation: 'linear', bias: true }).trainable).toBe(15_370);
  });
});
