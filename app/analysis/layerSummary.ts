/**
 * Every expanded layer, Keras `summary()`-style: name, the design node it came from, its type
 * with key parameters (`Conv2D 3×3/2 valid, BN, relu`), output shape, parameters, MACs and
 * activation memory. The command line's `summary --layers` and the window's layer table read it.
 */

import { outputBytes } from './analyze';
import type { Layer, LayerParamsByKind, Pair, Shape } from '../layers/types';
import type { Analysis } from './types';

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
  /** Bytes of its output for one image (float32). */
  activationBytes: number;
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
      const activationBytes = output ? outputBytes(output) : 0;
      return [
        { id, node: nodeId, kind: layer.kind, type: describeLayer(layer), output: output ?? null, params: cost.trainable + cost.nonTrainable, trainable: cost.trainable, macs: cost.macs, activationBytes, inputs: layer.inputs },
      ];
    }),
  );
}
