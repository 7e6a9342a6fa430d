import { describe, expect, it } from 'vitest';
import { analyze } from '../../../app/analysis/analyze';
import { summarizeLayers } from '../../../app/analysis/layerSummary';
import { buildPreset } from '../../../app/presets/index';
import { layerRows, nextSort } from './layerRows';

const layers = summarizeLayers(analyze(buildPreset('inception-v4', { input: 75, width: 0.25, repeats: [1, 1, 1] })));

describe('layer rows', () => {
  it('keeps network order unsorted and filters on every word', () => {
    expect(layerRows(layers, '', { column: null, descending: false })).toEqual(layers);
    const found = layerRows(layers, 'redA conv2d 3×3', { column: null, descending: false });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((layer) => layer.node === 'redA' && layer.type.includes('3×3'))).toBe(true);
  });

  it('sorts by a column both ways, stable on ties', () => {
    const up = layerRows(layers, '', { column: 'macs', descending: false });
    const down = layerRows(layers, '', { column: 'macs', descending: true });
    expect(up.map((l) => l.macs)).toEqual([...layers.map((l) => l.macs)].sort((a, b) => a - b));
    expect(down[0].macs).toBe(Math.max(...layers.map((l) => l.macs)));
    const zero = up.filter((l) => l.macs === 0).map((l) => l.id);
    expect(zero).toEqual(layers.filter((l) => l.macs === 0).map((l) => l.id));
  });

  it('cycles a heading: ascending, descending, network order', () => {
    const first = nextSort({ column: null, descending: false }, 'params');
    expect(first).toEqual({ column: 'params', descending: false });
    expect(nextSort(first, 'params')).toEqual({ column: 'params', descending: true });
    expect(nextSort(nextSort(first, 'params'), 'params')).toEqual({ column: null, descending: false });
  });
});
