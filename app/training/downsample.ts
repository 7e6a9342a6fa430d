/**
 * Chart downsampling: keeps a line chart of tens of thousands of points cheap to draw while
 * keeping its spikes. Points are split into equal-width buckets along x; each bucket keeps its
 * lowest and highest point in x order, so a loss spike or a dip in accuracy is never smoothed
 * away. The first and last points are always kept.
 */

export interface ChartPoint {
  x: number;
  y: number;
}

/**
 * At most about `2 * buckets + 2` points of `points` (sorted by x), in x order. Returns the
 * input itself when it is already small enough. Non-finite y values are skipped.
 */
export function downsampleMinMax(points: readonly ChartPoint[], buckets: number): readonly ChartPoint[] {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`downsampleMinMax: buckets must be a whole number ≥ 1, got ${buckets}`);
  if (points.length <= 2 * buckets + 2) return points;
  const first = points[0];
  const last = points[points.length - 1];
  const span = last.x - first.x;
  const kept: ChartPoint[] = [first];
  let bucket = -1;
  let low: ChartPoint | null = null;
  let high: ChartPoint | null = null;
  const flush = (): void => {
    if (low === null || high === null) return;
    if (low === high) kept.push(low);
    // Stryker disable next-line EqualityOperator: at equal x either order is x order and draws the same vertical stroke
    else if (low.x <= high.x) kept.push(low, high);
    else kept.push(high, low);
  };
  for (let i = 1; i < points.length - 1; i++) {
    const point = points[i];
    if (!Number.isFinite(point.y)) continue;
    const index = span > 0 ? Math.min(buckets - 1, Math.floor(((point.x - first.x) / span) * buckets)) : Math.floor((i * buckets) / points.length);
    if (index !== bucket) {
      flush();
      bucket = index;
      low = high = point;
    } else {
      if (point.y < low!.y) low = point;
      if (point.y > high!.y) high = point;
    }
  }
  flush();
  kept.push(last);
  return kept;
}
