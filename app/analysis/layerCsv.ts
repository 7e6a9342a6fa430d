/** The layer table as CSV (RFC 4180): a header line, then one line per layer, exact numbers. */

import { formatShape } from '../layers/shapeText';
import type { LayerSummary } from './layerSummary';

const HEADER = ['layer', 'node', 'type', 'output', 'params', 'macs', 'activation_bytes'];

/** Quotes a field holding a comma, a quote or a line break; quotes inside are doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function layerCsv(layers: readonly LayerSummary[]): string {
  const rows = layers.map((layer) => [layer.id, layer.node, layer.type, layer.output ? formatShape(layer.output) : '', String(layer.params), String(layer.macs), String(layer.activationBytes)]);
  return [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
