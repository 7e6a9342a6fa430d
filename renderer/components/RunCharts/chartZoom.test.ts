import { describe, expect, it } from 'vitest';
import { panRange, zoomRange } from './chartZoom';

const all = { min: 0, max: 1000 };

describe('chart zoom and pan', () => {
  it('zooms around the anchor, keeping it where it was on screen', () => {
    expect(zoomRange(all, 500, 0.5, all)).toEqual({ min: 250, max: 750 });
    expect(zoomRange(all, 100, 0.5, all)).toEqual({ min: 50, max: 550 });
  });

  it('never zooms out past the data, nor in to nothing', () => {
    expect(zoomRange({ min: 200, max: 400 }, 300, 100, all)).toEqual(all);
    const tight = zoomRange({ min: 500, max: 501 }, 500.5, 1e-9, all);
    expect(tight.max - tight.min).toBeCloseTo(0.1);
  });

  it('pans without leaving the data or changing the width', () => {
    expect(panRange({ min: 100, max: 300 }, 50, all)).toEqual({ min: 150, max: 350 });
    expect(panRange({ min: 100, max: 300 }, -500, all)).toEqual({ min: 0, max: 200 });
    expect(panRange({ min: 700, max: 900 }, 500, all)).toEqual({ min: 800, max: 1000 });
  });
});
