/** Hand-made design documents for tests: a few lines instead of full JSON. */

import type { DesignDocument, DesignEdge, DesignNode, ParamValues } from '../../design/types';
import { DESIGN_FORMAT, DESIGN_VERSION } from '../../design/types';

export type NodeRow = readonly [id: string, type: string, params?: ParamValues];
export type EdgeRow = readonly [source: string, target: string, port?: number];

export function design(nodes: readonly NodeRow[], edges: readonly EdgeRow[], input: readonly [number, number, number] = [299, 299, 3]): DesignDocument {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'test',
    input: { height: input[0], width: input[1], channels: input[2] },
    nodes: nodes.map(([id, type, params = {}], index): DesignNode => ({ id, type, params, position: { x: 0, y: index * 100 } })),
    edges: edges.map(([source, target, port = 0]): DesignEdge => ({ source, target, port })),
    notes: [],
  };
}

/** `input → nodes[0] → nodes[1] → …`, each into port 0. */
export function chain(nodes: readonly NodeRow[], input?: readonly [number, number, number]): DesignDocument {
  const all: NodeRow[] = [['input', 'input'], ...nodes];
  const edges = all.slice(1).map(([id], index): EdgeRow => [all[index][0], id]);
  return design(all, edges, input);
}

/** The spatial chain shared by Inception-v4 and both Inception-ResNets, as plain layers, with a head. */
export function stemChain(input: readonly [number, number, number] = [299, 299, 3]): DesignDocument {
  const conv = (filters: number, k: number, s: number, padding: string): ParamValues => ({ filters, kernel: [k, k], strides: [s, s], padding });
  return chain(
    [
      ['c1', 'conv2d', conv(32, 3, 2, 'valid')],
      ['c2', 'conv2d', conv(32, 3, 1, 'valid')],
      ['c3', 'conv2d', conv(64, 3, 1, 'same')],
      ['p1', 'maxPool', { pool: [3, 3], strides: [2, 2], padding: 'valid' }],
      ['c4', 'conv2d', conv(192, 3, 1, 'valid')],
      ['c5', 'conv2d', conv(384, 3, 2, 'valid')],
      ['redA', 'conv2d', conv(1024, 3, 2, 'valid')],
      ['redB', 'conv2d', conv(1536, 3, 2, 'valid')],
      ['pool', 'globalAvgPool'],
      ['logits', 'dense', { units: 1000 }],
      ['softmax', 'softmax'],
    ],
    input,
  );
}
