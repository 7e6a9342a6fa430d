/**
 * `summary --layers`: every expanded layer, Keras-style (name, type, output shape, parameters,
 * MACs, the layers it reads from), grouped under the block or layer node it came from.
 */

import type { LayerSummary } from '../analysis/layerSummary';
import { formatShape } from '../layers/shapeText';
import { formatCount, formatMacs, formatReport, table, type DesignSummary } from './summaryReport';

/** A node that is one layer of the same name needs no heading of its own. */
const isPlainLayer = (stageId: string, members: readonly LayerSummary[]): boolean => members.length === 1 && members[0].id === stageId;

/** The layer table with one heading line per block (its stage row), its layers indented under it. */
export function formatLayerSummary(summary: DesignSummary, layers: readonly LayerSummary[]): string {
  const groups = summary.stages.map((stage) => ({ stage, members: layers.filter((layer) => layer.node === stage.id) }));
  const rows = groups.flatMap(({ stage, members }) => {
    const indent = isPlainLayer(stage.id, members) ? '' : '  ';
    return members.map((layer) => [indent + layer.id, layer.type, layer.output ? formatShape(layer.output) : '?', formatCount(layer.params), formatMacs(layer.macs), layer.inputs.join(', ')]);
  });
  const [header, rule, ...body] = table(['Layer', 'Type', 'Output', 'Params', 'MACs', 'Connected to'], rows, new Set([3, 4]));
  const lines = [header, rule];
  let row = 0;
  for (const { stage, members } of groups) {
    if (!isPlainLayer(stage.id, members)) lines.push(`${stage.id} · ${stage.label} → ${stage.output ? formatShape(stage.output) : '?'}, ${formatCount(stage.params)} params`);
    lines.push(...body.slice(row, row + members.length));
    row += members.length;
  }
  return formatReport(summary, lines);
}
