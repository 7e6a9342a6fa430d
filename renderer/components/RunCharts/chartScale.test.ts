import { describe, expect, it } from 'vitest';
import { boundsOf, formatTick, niceTicks } from './chartScale';

describe('chart scale', () => {
  it('bounds every series and widens a flat range', () => {
    expect(boundsOf([[{ x: 1, y: 2 }], [{ x: 5, y: -1 }, { x: 3, y: Number.NaN }]])).toEqual({ xMin: 1, xMax: 5, yMin: -1, yMax: 2 });
    expect(boundsOf([[{ x: 1, y: 2 }]])).toEqual({ xMin: 1, xMax: 2, yMin: 1.8, yMax: 2.2 });
    expect(boundsOf([[]])).toBeNull();
    expect(boundsOf([[{ x: 0, y: 0.3 }, { x: 4, y: 0.6 }]], [0, 1])).toMatchObject({ yMin: 0, yMax: 1 });
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 97, 4)).toEqual([20, 40, 60, 80]);
    expect(niceTicks(0.0123, 0.0456, 3)).toEqual([0.02, 0.03, 0.04]);
  });

  it('shortens labels', () => {
    expect(formatTick(12_000)).toBe('12k');
    expect(formatTick(0.045)).toBe('0.045');
    expect(formatTick(2_500_000)).toBe('2.5M');
  });
});
