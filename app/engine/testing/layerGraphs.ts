/** Hand-built layer graphs for the compiler's tests: an input layer, then the layers given. */

import type { Layer, LayerGraph, LayerSpec, Shape } from '../../layers/types';

export const INPUT_LAYER: Layer = { id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] };

/** A layer with id `id` reading `inputs` (by default the network input). */
export function layer(id: string, spec: LayerSpec, inputs: readonly string[] = ['input']): Layer {
  return { id, nodeId: id, inputs, ...spec } as Layer;
}

/** `input → layers…`, the last layer being the output. */
export function graphOf(input: Shape, layers: readonly Layer[]): LayerGraph {
  return { input, layers: [INPUT_LAYER, ...layers], output: layers[layers.length - 1].id };
}
