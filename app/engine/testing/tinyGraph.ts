/** A small hand-built layer graph with every layer kind, for engine tests. */

import { conv2dParams } from '../../layers/testing/conv2dParams';
import type { Conv2dParams, Layer, LayerGraph } from '../../layers/types';

const pointwise = (over: Partial<Conv2dParams>): Conv2dParams => conv2dParams({ filters: 4, kernel: [1, 1], strides: [1, 1], padding: 'same', ...over });

/** 11×11×3 → 5 classes; 413 trainable and 24 non-trainable parameters. */
export function tinyGraph(): LayerGraph {
  const layers: Layer[] = [
    { id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] },
    { id: 'stem/conv', nodeId: 'stem', kind: 'conv2d', params: conv2dParams({ filters: 8 }), inputs: ['input'] },
    { id: 'b1/branch0/conv', nodeId: 'b1', kind: 'conv2d', params: pointwise({ filters: 4, bnGamma: true }), inputs: ['stem/conv'] },
    { id: 'b1/branch1/pool', nodeId: 'b1', kind: 'avgPool', params: { pool: [3, 3], strides: [1, 1], padding: 'same' }, inputs: ['stem/conv'] },
    { id: 'b1/concat', nodeId: 'b1', kind: 'concat', params: {}, inputs: ['b1/branch0/conv', 'b1/branch1/pool'] },
    { id: 'b1/up', nodeId: 'b1', kind: 'conv2d', params: pointwise({ filters: 8, activation: 'linear', batchNorm: false, bias: true }), inputs: ['b1/concat'] },
    { id: 'b1/add', nodeId: 'b1', kind: 'residualAdd', params: { scale: 0.2, activation: 'relu' }, inputs: ['stem/conv', 'b1/up'] },
    { id: 'pool', nodeId: 'pool', kind: 'globalAvgPool', params: {}, inputs: ['b1/add'] },
    { id: 'drop', nodeId: 'drop', kind: 'dropout', params: { rate: 0.2 }, inputs: ['pool'] },
    { id: 'logits', nodeId: 'logits', kind: 'dense', params: { units: 5, activation: 'linear', bias: true }, inputs: ['drop'] },
    { id: 'softmax', nodeId: 'softmax', kind: 'softmax', params: {}, inputs: ['logits'] },
  ];
  return { input: [11, 11, 3], layers, output: 'softmax' };
}
