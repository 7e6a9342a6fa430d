/**
 * The run charts' data as uPlot wants it: one shared, sorted x axis (steps or epochs) and one
 * y array per line, `undefined` where a line has no point at that x (per-epoch lines in a
 * per-step chart), so lines span those gaps and hovering finds each line's nearest point.
 */

import { downsampleMinMax, type ChartPoint } from '../../../app/training/downsample';

export interface ChartLine {
  label: string;
  /** A CSS colour or `var(--name)`. */
  color: string;
  points: readonly ChartPoint[];
  dashed?: boolean;
  /** Per-epoch values: drawn with dots as well. */
  markers?: boolean;
  /** A shaded band around the line (the spread over seeds): the lowest and highest value at each x. */
  band?: readonly { x: number; low: number; high: number }[];
}

/** What the chart draws: the lines, then two edge lines per band (never in the legend), and which edges bound each band. */
export interface DrawnLines {
  lines: readonly ChartLine[];
  /** Indexes into `lines` of each band's upper and lower edge, and the colour of the line it belongs to. */
  bands: readonly { upper: number; lower: number; color: string }[];
}

export function withBands(lines: readonly ChartLine[]): DrawnLines {
  const edges: ChartLine[] = [];
  const bands: { upper: number; lower: number; color: string }[] = [];
  for (const line of lines) {
    if (!line.band || line.band.length === 0) continue;
    const upper = lines.length + edges.length;
    edges.push({ label: `${line.label} (highest)`, color: line.color, points: line.band.map((p) => ({ x: p.x, y: p.high })) });
    edges.push({ label: `${line.label} (lowest)`, color: line.color, points: line.band.map((p) => ({ x: p.x, y: p.low })) });
    bands.push({ upper, lower: upper + 1, color: line.color });
  }
  return { lines: [...lines, ...edges], bands };
}

/** `[xs, ...ys]`, uPlot's aligned data. */
export type AlignedColumns = [number[], ...(number | undefined)[][]];

/** Points per line kept for drawing; longer runs keep each bucket's lowest and highest point, so spikes stay. */
export const MAX_POINTS_PER_LINE = 20_000;

export function alignLines(lines: readonly ChartLine[], maxPoints = MAX_POINTS_PER_LINE): AlignedColumns {
  const kept = lines.map((line) => downsampleMinMax(line.points, Math.max(1, Math.floor((maxPoints - 2) / 2))).filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y)));
  const xs = [...new Set(kept.flatMap((points) => points.map((point) => point.x)))].sort((a, b) => a - b);
  const at = new Map(xs.map((x, index) => [x, index]));
  const columns = kept.map((points) => {
    const ys: (number | undefined)[] = new Array(xs.length).fill(undefined);
    for (const point of points) ys[at.get(point.x)!] = point.y;
    return ys;
  });
  return [xs, ...columns];
}

export interface LegendEntry {
  label: string;
  /** The value shown: at the hovered x, else the line's latest. */
  text: string;
  /** Where that value sits when it is not at the hovered x itself (a per-epoch point near the cursor). */
  at: number | null;
}

/**
 * The legend's values: with `hover` (the hovered index and each line's own nearest index, as
 * uPlot's cursor reports them) the values there; without, each line's latest value.
 */
export function legendEntries(lines: readonly ChartLine[], data: AlignedColumns, format: (value: number) => string, hover: { idx: number; idxs: readonly (number | null)[] } | null): LegendEntry[] {
  const xs = data[0];
  return lines.map((line, index) => {
    const ys = data[index + 1] ?? [];
    let own: number | null;
    if (hover) own = hover.idxs[index] ?? null;
    else {
      own = null;
      for (let i = ys.length - 1; i >= 0; i -= 1) {
        if (ys[i] !== undefined) {
          own = i;
          break;
        }
      }
    }
    const value = own === null ? undefined : ys[own];
    return {
      label: line.label,
      text: value === undefined ? '—' : format(value),
      at: hover && own !== null && value !== undefined && own !== hover.idx ? xs[own] : null,
    };
  });
}
