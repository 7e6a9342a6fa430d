/**
 * Layer graph → `tf.LayersModel` through the functional API. Layer names are the expanded
 * layer ids (see layerNames.ts); initialisers are seeded so the same graph and seed give the
 * same weights.
 */

import * as tf from '@tensorflow/tfjs';
import type { LayerGraph } from '../../layers/types';
import { GraphCompileError } from './errors';
import { buildLayer } from './layerBuilders';
import { tfjsLayerName } from './layerNames';

export interface CompileOptions {
  /** Seed of the weight initialisers and dropout; default 1. */
  seed?: number;
  /** The model's name; default `inception`. */
  name?: string;
}

export function compileGraph(graph: LayerGraph, options: CompileOptions = {}): tf.LayersModel {
  const seed = options.seed ?? 1;
  if (graph.output === null) throw new GraphCompileError('The network has no output layer.');
  const outputs = new Map<string, tf.SymbolicTensor>();
  try {
    return buildModel(graph, outputs, seed, options.name ?? 'inception');
  } catch (error) {
    disposeLayers([...outputs.values()]);
    throw error;
  }
}

/** Frees the weights of layers built before a failure, walking back through sub-layers (conv → bn → act). */
function disposeLayers(tensors: tf.SymbolicTensor[]): void {
  const seen = new Set<tf.layers.Layer>();
  const stack = [...tensors];
  for (let tensor = stack.pop(); tensor; tensor = stack.pop()) {
    if (seen.has(tensor.sourceLayer)) continue;
    seen.add(tensor.sourceLayer);
    for (const weight of tensor.sourceLayer.weights) weight.dispose();
    stack.push(...tensor.inputs);
  }
}

function buildModel(graph: LayerGraph, outputs: Map<string, tf.SymbolicTensor>, seed: number, name: string): tf.LayersModel {
  let inputTensor: tf.SymbolicTensor | null = null;
  graph.layers.forEach((layer, index) => {
    if (outputs.has(layer.id)) throw new GraphCompileError('the id is used by two layers', layer.id);
    if (layer.kind === 'input' && inputTensor === null) {
      inputTensor = tf.input({ shape: [...graph.input], name: tfjsLayerName(layer.id) });
      outputs.set(layer.id, inputTensor);
      return;
    }
    const inputs = layer.inputs.map((id) => {
      const tensor = outputs.get(id);
      if (!tensor) throw new GraphCompileError(`input '${id}' is not an earlier layer`, layer.id);
      return tensor;
    });
    // Spread seeds so neighbouring layers do not draw the same numbers.
    outputs.set(layer.id, buildLayer(layer, inputs, { seed: (seed * 7919 + index * 104729) % 2147483647 }));
  });
  if (inputTensor === null) throw new GraphCompileError('The network has no input layer.');
  const output = graph.output === null ? undefined : outputs.get(graph.output);
  if (!output) throw new GraphCompileError(`The output layer '${graph.output}' is not in the graph.`);
  return tf.model({ inputs: inputTensor, outputs: output, name });
}
