import { describe, expect, it } from 'vitest';
import { avgPool, maxPool } from './pools';

describe('pools', () => {
  it('keep the channels and name the pool in the grid step, with height and width apart', () => {
    expect(maxPool.inferShape([[35, 17, 384]], { pool: [3, 1], strides: [2, 1], padding: 'valid' }, 'p')).toEqual({
      ok: true,
      value: { shape: [17, 17, 384], step: { layerId: 'p', op: 'max 3×1/(2,1) valid', from: [35, 17], to: [17, 17], formula: 'h: floor((35 − 3) / 2) + 1 = 17; w: floor((17 − 1) / 1) + 1 = 17' } },
    });
    const avg = avgPool.inferShape([[9, 6, 8]], { pool: [3, 3], strides: [2, 2], padding: 'same' }, 'q');
    expect(avg.ok && avg.value).toMatchObject({ shape: [5, 3, 8], step: { op: 'avg 3×3/2 same' } });
  });

  it('name the kind of pool in a refusal', () => {
    const max = maxPool.inferShape([[2, 2, 8]], { pool: [3, 3], strides: [2, 2], padding: 'valid' }, 'late');
    expect(!max.ok && max.error.message).toMatch(/^Max pool late \(max 3×3\/2 valid\) on a 2×2 grid leaves 0×0/);
    const avg = avgPool.inferShape([[64]], { pool: [3, 3], strides: [1, 1], padding: 'same' }, 'a');
    expect(!avg.ok && avg.error.message).toBe('Average pool a needs an h×w×c feature map but receives a vector of 64.');
  });
});
