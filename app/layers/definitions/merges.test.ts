import { describe, expect, it } from 'vitest';
import { concat, residualAdd } from './merges';

const add = { scale: 0.2, activation: 'relu' } as const;

describe('concat', () => {
  it('adds up the channels of any number of inputs on one grid', () => {
    expect(concat.inferShape([[17, 9, 1], [17, 9, 2], [17, 9, 4], [17, 9, 8]], {}, 'm')).toEqual({ ok: true, value: { shape: [17, 9, 15] } });
  });

  it('refuses grids that differ in width only, or in height only, naming the ports and the grid to end on', () => {
    const wide = concat.inferShape([[35, 17, 96], [35, 35, 64]], {}, 'mix');
    expect(wide).toEqual({
      ok: false,
      error: {
        code: 'concat-grid-mismatch',
        message: 'Concatenation mix needs one grid on every input: port 0 is 35×17×96 but port 1 is 35×35×64.',
        hint: 'Make every branch end on a 35×17 grid: check strides and padding (valid shrinks, same keeps).',
      },
    });
    const tall = concat.inferShape([[35, 17, 96], [17, 17, 64]], {}, 'mix');
    expect(!tall.ok && tall.error.message).toContain('port 1 is 17×17×64');
  });

  it('refuses a vector on any port', () => {
    const late = concat.inferShape([[8, 8, 4], [4]], {}, 'late');
    expect(!late.ok && late.error).toMatchObject({ code: 'needs-feature-map', message: 'Concatenation late needs an h×w×c feature map but receives a vector of 4.' });
  });
});

describe('residualAdd', () => {
  it('keeps the shape of equal inputs', () => {
    expect(residualAdd.inferShape([[17, 9, 64], [17, 9, 64]], add, 'r')).toEqual({ ok: true, value: { shape: [17, 9, 64] } });
  });

  it('names a channel mismatch and the width the linear 1×1 must have', () => {
    expect(residualAdd.inferShape([[17, 9, 1152], [17, 9, 1154]], add, 'b1/add')).toEqual({
      ok: false,
      error: {
        code: 'residual-shape-mismatch',
        message: 'Residual addition b1/add needs equal shapes: the shortcut (port 0) is 17×9×1152 but the branch (port 1) is 17×9×1154 (1152 vs 1154 channels).',
        hint: 'Make the linear 1×1 before the addition output 1152 channels, the width of the block input.',
        fallback: [17, 9, 1152],
      },
    });
  });

  it('names a grid mismatch, in height or in width only, as a grid problem', () => {
    const grid = 'Keep the grid of the residual branch equal to its input (stride 1, same padding).';
    const height = residualAdd.inferShape([[17, 9, 64], [8, 9, 64]], add, 'r');
    expect(!height.ok && height.error).toEqual({
      code: 'residual-shape-mismatch',
      message: 'Residual addition r needs equal shapes: the shortcut (port 0) is 17×9×64 but the branch (port 1) is 8×9×64.',
      hint: grid,
      fallback: [17, 9, 64],
    });
    const width = residualAdd.inferShape([[17, 9, 64], [17, 4, 32]], add, 'r');
    expect(!width.ok && width.error.message).toMatch(/is 17×4×32\.$/);
    expect(!width.ok && width.error.hint).toBe(grid);
  });

  it('refuses a vector added to a feature map even when the numbers it has agree', () => {
    const result = residualAdd.inferShape([[8], [8, 8, 8]], add, 'r');
    expect(!result.ok && result.error.message).toBe('Residual addition r needs equal shapes: the shortcut (port 0) is 8 but the branch (port 1) is 8×8×8.');
  });
});
