import { describe, expect, it } from 'vitest';
import { analyze } from '../../app/analysis/analyze';
import { buildPreset } from '../../app/presets/index';
import { LAYER_HEIGHT, LAYER_WIDTH, layoutLayers } from './layoutLayers';

describe('layoutLayers', () => {
  it('puts each layer below its inputs and side branches apart, inside the group', () => {
    const analysis = analyze(buildPreset('inception-v4'));
    const layers = analysis.graph.layers.filter((l) => l.nodeId === 'a1');
    const placed = layoutLayers(layers);
    for (const layer of layers) {
      const at = placed.positions.get(layer.id);
      expect(at).toBeDefined();
      expect(at!.x).toBeGreaterThanOrEqual(0);
      expect(at!.x + LAYER_WIDTH).toBeLessThanOrEqual(placed.width);
      expect(at!.y + LAYER_HEIGHT).toBeLessThanOrEqual(placed.height);
      for (const input of layer.inputs) {
        const from = placed.positions.get(input);
        if (from) expect(from.y).toBeLessThan(at!.y);
      }
    }
    const spots = new Set([...placed.positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(layers.length);
  });
});
