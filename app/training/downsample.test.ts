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

  it('returns a series of exactly 2 × buckets + 2 points unchanged and one bucket as valid', () => {
    const points = line(6, (i) => i % 2);
    expect(downsampleMinMax(points, 2)).toBe(points);
    const longer = line(7, (i) => i % 2);
    expect(downsampleMinMax(longer, 2)).not.toBe(longer);
    expect(downsampleMinMax(line(100, (i) => i), 1)).toEqual([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 98, y: 98 }, { x: 99, y: 99 }]);
  });

  it('keeps a low and a high point from every bucket of a zigzag, wherever x starts', () => {
    const points = Array.from({ length: 1_000 }, (_, i) => ({ x: 5_000 + 3 * i, y: i % 2 }));
    const kept = downsampleMinMax(points, 10);
    expect(kept).toHaveLength(2 * 10 + 2);
    // Bucket k covers x from 5000 + 300k: its first point is its low (y 0), its second its high.
    expect(kept.slice(1, 3)).toEqual([points[1], points[2]]);
    expect(kept.slice(3, 5)).toEqual([points[100], points[101]]);
    expect(kept.slice(-3, -1)).toEqual([points[900], points[901]]);
  });

  it('puts each bucket\'s high before its low when the high comes first', () => {
    const points = line(9, (i) => [0, 5, 1, 3, 9, 2, 4, 8, 0][i]);
    expect(downsampleMinMax(points, 2).map((p) => p.x)).toEqual([0, 1, 2, 4, 5, 8]);
  });

  it('keeps one point of a flat bucket: the first', () => {
    const kept = downsampleMinMax(line(100, () => 1), 5);
    expect(kept.map((p) => p.x)).toEqual([0, 1, 20, 40, 60, 80, 99]);
  });

  it('splits buckets by x, not by position, when points are unevenly spaced', () => {
    // Ninety points crowd the first tenth of x; the rest spread over the remaining nine tenths.
    const crowded = Array.from({ length: 90 }, (_, i) => ({ x: i / 10, y: i % 2 }));
    const spread = Array.from({ length: 10 }, (_, i) => ({ x: 9 + 9 * i, y: i % 2 }));
    const points = [...crowded, ...spread, { x: 100, y: 0 }];
    const kept = downsampleMinMax(points, 10);
    expect(kept.filter((p) => p.x > 0 && p.x < 10)).toEqual([crowded[1], crowded[2]]);
  });

  it('bounds a series whose points all share one x, bucketing by position', () => {
    const points = Array.from({ length: 1_000 }, (_, i) => ({ x: 7, y: i % 2 }));
    const kept = downsampleMinMax(points, 10);
    expect(kept).toHaveLength(2 * 10 + 2);
    expect(new Set(kept.slice(1, 3))).toEqual(new Set([points[1], points[2]]));
    expect(new Set(kept.slice(3, 5))).toEqual(new Set([points[100], points[101]]));
  });

  it('keeps points that share the last x within the last bucket', () => {
    const points = [...line(100, (i) => i % 2), ...Array.from({ length: 10 }, (_, i) => ({ x: 100, y: i }))];
    expect(downsampleMinMax(points, 10)).toHaveLength(2 * 10 + 2);
  });

  it('starts bucketing at the first finite point after a run of non-finite ones', () => {
    const points = line(1_000, (i) => (i < 150 ? Number.NaN : i % 2));
    const kept = downsampleMinMax(points, 10);
    expect(kept.slice(1, 3)).toEqual([points[150], points[151]]);
    expect(kept).toHaveLength(2 * 9 + 2);
  });
});
