/**
 * An append-only chart series that stays immutable without copying: full chunks are shared
 * between versions and only the short tail is copied on append, so folding tens of thousands
 * of step events costs O(chunk) each, not O(points).
 */

import type { ChartPoint } from '../../app/training/downsample';

const CHUNK = 512;

export interface Series {
  readonly chunks: readonly (readonly ChartPoint[])[];
  readonly tail: readonly ChartPoint[];
  readonly length: number;
}

export const emptySeries: Series = Object.freeze({ chunks: [], tail: [], length: 0 });

export function appendPoint(series: Series, point: ChartPoint): Series {
  const tail = [...series.tail, point];
  if (tail.length < CHUNK) return { chunks: series.chunks, tail, length: series.length + 1 };
  return { chunks: [...series.chunks, tail], tail: [], length: series.length + 1 };
}

/** Full chunks flattened once per chunk list: versions that only grew their tail share it. */
const flattened = new WeakMap<readonly (readonly ChartPoint[])[], readonly ChartPoint[]>();

/** All points in order (a fresh array). */
export function seriesPoints(series: Series): ChartPoint[] {
  let full = flattened.get(series.chunks);
  if (full === undefined) {
    full = series.chunks.flat();
    flattened.set(series.chunks, full);
  }
  return full.concat(series.tail);
}

/** The series without its points past `maxX` (a resumed run replays what came after its checkpoint). */
export function truncateSeries(series: Series, maxX: number): Series {
  const last = series.tail.at(-1) ?? series.chunks.at(-1)?.at(-1);
  if (last === undefined || last.x <= maxX) return series;
  return seriesPoints(series)
    .filter((point) => point.x <= maxX)
    .reduce(appendPoint, emptySeries);
}
