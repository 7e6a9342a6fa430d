/**
 * Runs every layer's shape rule in graph order. A layer whose inputs are unknown (an upstream
 * problem) is left unknown and not reported again; a rule may give a fallback shape so one
 * mistake does not hide the rest of the network.
 */

import type { LayerDefinition } from '../layers/definition';
import { layerDefinitions } from '../layers/registry';
import type { Layer, LayerGraph, LayerKind, Shape, ShapeFailure } from '../layers/types';
import { extendChain } from './provenance';
import type { StepChain } from './provenance';

export type ShapeProblem = ShapeFailure & { layer: Layer };

export interface LayerShapes {
  outputs: Map<string, Shape>;
  /** Input shapes of each layer whose inputs are all known. */
  inputs: Map<string, Shape[]>;
  provenance: Map<string, StepChain | undefined>;
  problems: ShapeProblem[];
}

export function definitionOf(kind: LayerKind): LayerDefinition<LayerKind> | undefined {
  return Object.hasOwn(layerDefinitions, kind) ? (layerDefinitions[kind] as LayerDefinition<LayerKind>) : undefined;
}

/** `input`: the network input shape, or undefined when the design's input size is unusable. */
export function inferShapes(graph: LayerGraph, input: Shape | undefined): LayerShapes {
  const outputs = new Map<string, Shape>();
  const inputs = new Map<string, Shape[]>();
  const provenance = new Map<string, StepChain | undefined>();
  const problems: ShapeProblem[] = [];

  for (const layer of graph.layers) {
    const definition = definitionOf(layer.kind);
    if (!definition) continue;
    const shapes = layer.kind === 'input' ? (input ? [input] : undefined) : knownShapes(layer.inputs, outputs);
    if (!shapes) continue;
    const arity = arityProblem(layer, definition);
    if (arity) {
      problems.push(arity);
      continue;
    }
    inputs.set(layer.id, shapes);
    const result = definition.inferShape(shapes, layer.params, layer.id);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: without inputs, inputs[0] is undefined and no provenance is stored under undefined
    const upstream = layer.inputs.length > 0 ? provenance.get(layer.inputs[0]) : undefined;
    if (result.ok) {
      outputs.set(layer.id, result.value.shape);
      provenance.set(layer.id, extendChain(upstream, result.value.step));
      continue;
    }
    problems.push({ ...result.error, layer });
    if (result.error.fallback) {
      outputs.set(layer.id, result.error.fallback);
      provenance.set(layer.id, upstream);
    }
  }
  return { outputs, inputs, provenance, problems };
}

/** The shapes of `ids`, or undefined when any is unknown. */
function knownShapes(ids: readonly string[], outputs: ReadonlyMap<string, Shape>): Shape[] | undefined {
  const shapes: Shape[] = [];
  for (const id of ids) {
    const shape = outputs.get(id);
    if (shape === undefined) return undefined;
    shapes.push(shape);
  }
  return shapes;
}

/** Design nodes are checked before expansion; this catches a layer a block template wired wrongly. */
function arityProblem(layer: Layer, definition: LayerDefinition<LayerKind>): ShapeProblem | undefined {
  const count = layer.inputs.length;
  const { min, max } = definition.info.inputs;
  if (count >= min && (max === null || count <= max)) return undefined;
  // Stryker disable next-line EqualityOperator: count === min passed the check above, so < and <= agree here
  const few = count < min;
  return {
    code: few ? 'too-few-inputs' : 'too-many-inputs',
    message: `Layer ${layer.id} (${definition.info.label}) has ${count} inputs but needs ${few ? `at least ${min}` : `at most ${max}`}.`,
    hint: 'The block template wires this layer wrongly; report it.',
    layer,
  };
}
