/** The layer table's rows: filtered by text and sorted by a column. Pure. */

import type { LayerSummary } from '../../../app/analysis/layerSummary';
import { formatShape, shapeSize } from '../../../app/layers/shapeText';

export const LAYER_COLUMNS = [
  { key: 'id', label: 'Layer' },
  { key: 'type', label: 'Type' },
  { key: 'output', label: 'Output' },
  { key: 'params', label: 'Params' },
  { key: 'macs', label: 'MACs' },
  { key: 'activationBytes', label: 'Activations' },
] as const;

export type LayerColumn = (typeof LAYER_COLUMNS)[number]['key'];
/** `null` column: network order. */
export interface LayerSort {
  column: LayerColumn | null;
  descending: boolean;
}

const outputSize = (layer: LayerSummary): number => (layer.output ? shapeSize(layer.output) : -1);

const compare: Readonly<Record<LayerColumn, (a: LayerSummary, b: LayerSummary) => number>> = {
  id: (a, b) => a.id.localeCompare(b.id),
  type: (a, b) => a.type.localeCompare(b.type),
  output: (a, b) => outputSize(a) - outputSize(b),
  params: (a, b) => a.params - b.params,
  macs: (a, b) => a.macs - b.macs,
  activationBytes: (a, b) => a.activationBytes - b.activationBytes,
};

/** Layers whose name, node, type or output contains every word of `filter` (any case). */
export function layerRows(layers: readonly LayerSummary[], filter: string, sort: LayerSort): readonly LayerSummary[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = words.length === 0 ? [...layers] : layers.filter((layer) => {
    const text = `${layer.id} ${layer.node} ${layer.type} ${layer.output ? formatShape(layer.output) : ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const { column } = sort;
  if (column === null) return kept;
  const sign = sort.descending ? -1 : 1;
  // Stable: equal rows keep network order.
  return kept.sort((a, b) => sign * compare[column](a, b));
}

/** A click on a column heading: ascending, then descending, then network order. */
export function nextSort(sort: LayerSort, column: LayerColumn): LayerSort {
  if (sort.column !== column) return { column, descending: false };
  return sort.descending ? { column: null, descending: false } : { column, descending: true };
}
