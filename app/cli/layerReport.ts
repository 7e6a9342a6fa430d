/**
 * `summary --layers`: every expanded layer, Keras-style (name, type, output shape, parameters,
 * MACs, the layers it reads from), grouped under the block or layer node it came from.
 */

import type { Analysis } from '../analysis/types';
import type { Layer, LayerParamsByKind, Pair, Shape } from '../layers/types';
import { formatShape } from '../layers/shapeText';
import { formatCount, formatMacs, formatReport, table, type DesignSummary } from './summaryReport';

export interface LayerSummary {
  id: string;
  /** The design node (block or layer) this layer was expanded from. */
  node: string;
  kind: Layer['kind'];
  /** The kind with its key parameters, e.g. `Conv2D 3×3/2 valid, BN, relu`. */
  type: string;
  output: Shape | null;
  params: number;
  trainable: number;
  macs: number;
  /** Layer ids it reads from, in port order. */
  inputs: readonly string[];
}

const poolWindow = (size: Pair, strides: Pair, padding: string): string => `${size[0]}×${size[1]}/${strides[0] === strides[1] ? strides[0] : strides.join('×')} ${padding}`;
const withActivation = (text: string, activation: string): string => (activation === 'linear' ? text : `${text}, ${activation}`);

const describe: { [K in Layer['kind']]: (params: LayerParamsByKind[K]) => string } = {
  input: () => 'Input',
  conv2d: (p) => withActivation(`Conv2D ${p.filters} ${poolWindow(p.kernel, p.strides, p.padding)}${p.batchNorm ? ', BN' : ''}`, p.activation),
  maxPool: (p) => `MaxPool ${poolWindow(p.pool, p.strides, p.padding)}`,
  avgPool: (p) => `AvgPool ${poolWindow(p.pool, p.strides, p.padding)}`,
  concat: () => 'Concatenate',
  residualAdd: (p) => withActivation(`Add ×${p.scale}`, p.activation),
  activation: (p) => `Activation ${p.fn}`,
  dropout: (p) => `Dropout ${p.rate}`,
  globalAvgPool: () => 'GlobalAvgPool',
  flatten: () => 'Flatten',
  dense: (p) => withActivation(`Dense ${p.units}`, p.activation),
  softmax: () => 'Softmax',
};

function describeLayer(layer: Layer): string {
  return (describe[layer.kind] as (params: Layer['params']) => string)(layer.params);
}

/** The layers in network order, each node's layers together, nodes in the stage table's order. */
export function summarizeLayers(analysis: Analysis): LayerSummary[] {
  const byId = new Map(analysis.graph.layers.map((layer) => [layer.id, layer]));
  return analysis.order.flatMap((nodeId) =>
    (analysis.nodes[nodeId]?.layers ?? []).flatMap((id): LayerSummary[] => {
      const layer = byId.get(id);
      if (!layer) return [];
      const { cost, output } = analysis.layers[id] ?? { cost: { trainable: 0, nonTrainable: 0, macs: 0 } };
      return [{ id, node: nodeId, kind: layer.kind, type: describeLayer(layer), output: output ?? null, params: cost.trainable + cost.nonTrainable, trainable: cost.trainable, macs: cost.macs, inputs: layer.inputs }];
    }),
  );
}

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
