import { describe, expect, it } from 'vitest';
import { alignLines, legendEntries, withBands, type ChartLine } from './chartData';

const line = (label: string, points: [number, number][]): ChartLine => ({ label, color: 'red', points: points.map(([x, y]) => ({ x, y })) });
const fixed = (value: number) => value.toFixed(2);

describe('chart data', () => {
  const steps = line('train (step)', [
    [1, 2.5],
    [2, 2.1],
    [3, 1.9],
    [4, 1.7],
  ]);
  const epochs = line('validation', [
    [2, 2.0],
    [4, 1.6],
  ]);

  it('aligns lines on one sorted x axis with gaps where a line has no point', () => {
    expect(alignLines([epochs, steps])).toEqual([
      [1, 2, 3, 4],
      [undefined, 2.0, undefined, 1.6],
      [2.5, 2.1, 1.9, 1.7],
    ]);
  });

  it('drops non-finite values and keeps long lines’ extremes', () => {
    const noisy = line('loss', [
      [0, 1],
      [1, Number.NaN],
      [2, 1],
    ]);
    expect(alignLines([noisy])).toEqual([[0, 2], [1, 1]]);
    const long = line('long', Array.from({ length: 1000 }, (_, i) => [i, i === 500 ? 99 : 1] as [number, number]));
    const [xs, ys] = alignLines([long], 100);
    expect(xs.length).toBeLessThanOrEqual(100);
    expect(ys).toContain(99);
  });

  it('shows each line’s latest value when nothing is hovered', () => {
    expect(legendEntries([steps, epochs], alignLines([steps, epochs]), fixed, null)).toEqual([
      { label: 'train (step)', text: '1.70', at: null },
      { label: 'validation', text: '1.60', at: null },
    ]);
  });

  it('shows the hovered step’s values, and where a sparse line’s nearest point is', () => {
    const data = alignLines([steps, epochs]);
    expect(legendEntries([steps, epochs], data, fixed, { idx: 2, idxs: [2, 1] })).toEqual([
      { label: 'train (step)', text: '1.90', at: null },
      { label: 'validation', text: '2.00', at: 2 },
    ]);
    expect(legendEntries([steps, epochs], data, fixed, { idx: 0, idxs: [0, null] })[1]).toEqual({ label: 'validation', text: '—', at: null });
  });

  it('draws a band as two edge lines after every line, each band naming its edges', () => {
    const banded: ChartLine = { ...epochs, band: [{ x: 2, low: 1.9, high: 2.2 }, { x: 4, low: 1.5, high: 1.7 }] };
    const drawn = withBands([steps, banded]);
    expect(drawn.lines.map((l) => l.label)).toEqual(['train (step)', 'validation', 'validation (highest)', 'validation (lowest)']);
    expect(drawn.lines[2].points).toEqual([{ x: 2, y: 2.2 }, { x: 4, y: 1.7 }]);
    expect(drawn.bands).toEqual([{ upper: 2, lower: 3, color: 'red' }]);
    expect(withBands([steps]).bands).toEqual([]);
  });
});
