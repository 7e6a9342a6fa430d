import { describe, expect, it } from 'vitest';
import { inferWindowShape, windowOutput, windowText } from './gridArithmetic';
import type { Padding, Pair } from './types';

const rule = (kernel: Pair, strides: Pair, padding: Padding) => ({ what: 'Convolution', kernel, strides, padding, channels: () => 32 });

describe('windowOutput', () => {
  it('follows TensorFlow: valid = floor((n − k) / s) + 1, same = ceil(n / s)', () => {
    expect(windowOutput(299, 3, 2, 'valid')).toBe(149);
    expect(windowOutput(149, 3, 1, 'valid')).toBe(147);
    expect(windowOutput(147, 3, 2, 'valid')).toBe(73);
    expect(windowOutput(71, 3, 2, 'valid')).toBe(35);
    expect(windowOutput(35, 3, 2, 'valid')).toBe(17);
    expect(windowOutput(17, 3, 2, 'valid')).toBe(8);
    expect(windowOutput(96, 3, 2, 'valid')).toBe(47);
    expect(windowOutput(147, 3, 2, 'same')).toBe(74);
    expect(windowOutput(35, 3, 1, 'same')).toBe(35);
    expect(windowOutput(17, 5, 3, 'valid')).toBe(5);
  });

  it('goes below one when the window does not fit', () => {
    expect(windowOutput(2, 3, 2, 'valid')).toBe(0);
    expect(windowOutput(1, 3, 1, 'valid')).toBe(-1);
    expect(windowOutput(1, 3, 2, 'same')).toBe(1);
  });
});

describe('windowText', () => {
  it('names kernel, stride and padding', () => {
    expect(windowText([3, 3], [2, 2], 'valid')).toBe('3×3/2 valid');
    expect(windowText([1, 7], [1, 1], 'same')).toBe('1×7 same');
    expect(windowText([3, 3], [2, 1], 'valid', 'max')).toBe('max 3×3/(2,1) valid');
    expect(windowText([1, 3], [1, 2], 'same')).toBe('1×3/(1,2) same');
    expect(windowText([2, 2], [3, 3], 'same', 'avg')).toBe('avg 2×2/3 same');
  });
});

describe('inferWindowShape', () => {
  it('records a grid step with the arithmetic when the grid changes', () => {
    const result = inferWindowShape([299, 299, 3], rule([3, 3], [2, 2], 'valid'), 'c1');
    expect(result).toEqual({
      ok: true,
      value: { shape: [149, 149, 32], step: { layerId: 'c1', op: '3×3/2 valid', from: [299, 299], to: [149, 149], formula: 'floor((299 − 3) / 2) + 1 = 149' } },
    });
  });

  it('keeps the grid of 1×7 and 7×1 same convolutions, without a step', () => {
    expect(inferWindowShape([17, 17, 1024], rule([1, 7], [1, 1], 'same'), 'b')).toEqual({ ok: true, value: { shape: [17, 17, 32] } });
    expect(inferWindowShape([17, 17, 1024], rule([7, 1], [1, 1], 'same'), 'b')).toEqual({ ok: true, value: { shape: [17, 17, 32] } });
  });

  it('shrinks only the kernel axis of a valid 7×1', () => {
    const result = inferWindowShape([17, 17, 8], rule([7, 1], [1, 1], 'valid'), 'v');
    expect(result.ok && result.value.shape).toEqual([11, 17, 32]);
    expect(result.ok && result.value.step?.formula).toBe('h: floor((17 − 7) / 1) + 1 = 11; w: floor((17 − 1) / 1) + 1 = 17');
  });

  it('keeps height and width apart under different strides on a non-square grid', () => {
    expect(inferWindowShape([35, 17, 8], rule([3, 1], [2, 1], 'valid'), 'r')).toEqual({
      ok: true,
      value: { shape: [17, 17, 32], step: { layerId: 'r', op: '3×1/(2,1) valid', from: [35, 17], to: [17, 17], formula: 'h: floor((35 − 3) / 2) + 1 = 17; w: floor((17 − 1) / 1) + 1 = 17' } },
    });
    const same = inferWindowShape([10, 7, 8], rule([1, 3], [1, 2], 'same'), 's');
    expect(same).toEqual({ ok: true, value: { shape: [10, 4, 32], step: { layerId: 's', op: '1×3/(1,2) same', from: [10, 7], to: [10, 4], formula: 'h: ceil(10 / 1) = 10; w: ceil(7 / 2) = 4' } } });
  });

  it('passes the input channels to the rule, and keeps a grid that does not change without a step', () => {
    const result = inferWindowShape([9, 5, 12], { ...rule([3, 3], [1, 1], 'same'), channels: (c) => c * 2 }, 'p');
    expect(result).toEqual({ ok: true, value: { shape: [9, 5, 24] } });
  });

  it('uses ceil for same padding with a stride', () => {
    const result = inferWindowShape([147, 147, 64], rule([3, 3], [2, 2], 'same'), 's');
    expect(result.ok && result.value.step?.formula).toBe('ceil(147 / 2) = 74');
  });

  it('reports a collapsed grid with its arithmetic', () => {
    const result = inferWindowShape([2, 2, 8], rule([3, 3], [2, 2], 'valid'), 'late');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('grid-collapsed');
    expect(!result.ok && result.error.message).toBe('Convolution late (3×3/2 valid) on a 2×2 grid leaves 0×0: floor((2 − 3) / 2) + 1 = 0.');
    expect(!result.ok && result.error.hint).toBe('The grid is too small for this layer: use a larger input, SAME padding, or fewer reductions.');
  });

  it('reports a grid that collapses along one axis only, never a negative size', () => {
    const wide = inferWindowShape([8, 2, 4], rule([1, 3], [1, 1], 'valid'), 'w');
    expect(!wide.ok && wide.error.message).toContain('w (1×3 valid) on a 8×2 grid leaves 8×0: h: floor((8 − 1) / 1) + 1 = 8; w: floor((2 − 3) / 1) + 1 = 0.');
    const tall = inferWindowShape([1, 8, 4], rule([3, 3], [1, 1], 'valid'), 't');
    expect(!tall.ok && tall.error.message).toContain('on a 1×8 grid leaves 0×6:');
  });

  it('accepts a window that just fits along one axis: a 1-wide or 1-high grid is a grid', () => {
    expect(inferWindowShape([3, 8, 4], rule([3, 3], [1, 1], 'valid'), 'h1')).toMatchObject({ ok: true, value: { shape: [1, 6, 32] } });
    expect(inferWindowShape([8, 3, 4], rule([3, 3], [1, 1], 'valid'), 'w1')).toMatchObject({ ok: true, value: { shape: [6, 1, 32] } });
  });

  it('refuses a vector, saying what it received', () => {
    const result = inferWindowShape([1536], rule([3, 3], [1, 1], 'same'), 'c');
    expect(!result.ok && result.error.code).toBe('needs-feature-map');
    expect(!result.ok && result.error.message).toBe('Convolution c needs an h×w×c feature map but receives a vector of 1536.');
  });
});
