/**
 * Places the layers of an expanded block inside its group: one row per depth (longest path
 * from the block's inputs), branches side by side. Pure and linear in the number of layers.
 */

import type { Layer } from '../../app/layers/types';

export const LAYER_WIDTH = 168;
export const LAYER_HEIGHT = 44;
const GAP_X = 16;
const GAP_Y = 28;
const PAD = 16;
/** Room at the top of the group for the block's own summary. */
const HEADER = 76;

export interface PlacedLayers {
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

export function layoutLayers(layers: readonly Layer[]): PlacedLayers {
  const depth = new Map<string, number>();
  const rows: string[][] = [];
  for (const layer of layers) {
    const d = layer.inputs.reduce((max, id) => Math.max(max, (depth.get(id) ?? -1) + 1), 0);
    depth.set(layer.id, d);
    (rows[d] ??= []).push(layer.id);
  }
  const columns = rows.reduce((max, row) => Math.max(max, row.length), 1);
  const width = PAD * 2 + columns * LAYER_WIDTH + (columns - 1) * GAP_X;
  const positions = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const rowWidth = row.length * LAYER_WIDTH + (row.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    row.forEach((id, c) => positions.set(id, { x: left + c * (LAYER_WIDTH + GAP_X), y: HEADER + r * (LAYER_HEIGHT + GAP_Y) }));
  });
  const height = HEADER + rows.length * (LAYER_HEIGHT + GAP_Y) - GAP_Y + PAD;
  return { positions, width, height };
}
