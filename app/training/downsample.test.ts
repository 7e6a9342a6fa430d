import { describe, expect, it } from 'vitest';
import { downsampleMinMax, type ChartPoint } from './downsample';

const line = (n: number, y: (i: number) => number): ChartPoint[] => Array.from({ length: n }, (_, i) => ({ x: i, y: y(i) }));

describe('downsampleMinMax', () => {
  it('returns small series unchanged', () => {
    const points = line(10, (i) => i);
    expect(downsampleMinMax(points, 10)).toBe(points);
  });

  it('bounds the point count and keeps first, last and x order', () => {
    const points = line(50_000, (i) => Math.sin(i / 100));
    const kept = downsampleMinMax(points, 400);
    expect(kept.length).toBeLessThanOrEqual(2 * 400 + 2);
    expect(kept[0]).toBe(points[0]);
    expect(kept[kept.length - 1]).toBe(points[points.length - 1]);
    for (let i = 1; i < kept.length; i++) expect(kept[i].x).toBeGreaterThan(kept[i - 1].x);
  });

  it('keeps a one-point spike and a one-point dip', () => {
    const points = line(20_000, () => 1);
    points[7_777] = { x: 7_777, y: 50 };
    points[12_345] = { x: 12_345, y: -3 };
    const kept = downsampleMinMax(points, 100);
    expect(kept).toContain(points[7_777]);
    expect(kept).toContain(points[12_345]);
    expect(Math.max(...kept.map((p) => p.y))).toBe(50);
    expect(Math.min(...kept.map((p) => p.y))).toBe(-3);
  });

  it('skips non-finite values', () => {
    const points = line(1_000, (i) => (i % 3 === 0 ? Number.NaN : i));
    expect(downsampleMinMax(points, 20).slice(1, -1).every((p) => Number.isFinite(p.y))).toBe(true);
  });

  it('rejects a bucket count that is not a whole number ≥ 1', () => {
    expect(() => downsampleMinMax(line(5, (i) => i), 0)).toThrow(/buckets/);
  });
});
