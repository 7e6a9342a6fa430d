/**
 * Design text → the model a run trains: parsed, checked, its classifier sized to the dataset's
 * classes (with the class names recorded in the document), compiled with the run's seed.
 */

import type * as tf from '@tensorflow/tfjs';
import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import { parseDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import type { Layer, LayerGraph } from '../../layers/types';
import { compileDesign, DesignErrorsError } from '../compile';

/** A design that compiles but cannot be trained as a classifier; the message says what to change. */
export class UntrainableDesignError extends Error {
  override name = 'UntrainableDesignError';
}

/** A design document that does not parse. */
export class UnreadableDesignError extends Error {
  override name = 'UnreadableDesignError';
}

export interface PreparedModel {
  document: DesignDocument;
  model: tf.LayersModel;
  /** Set when the classifier was resized to the dataset. */
  resized?: { from: number; to: number };
}

/** Layers that pass the class scores through unchanged in count. */
const passThrough = new Set<Layer['kind']>(['softmax', 'dropout', 'activation', 'flatten']);

function classifierLayer(graph: LayerGraph): Layer | null {
  const byId = new Map(graph.layers.map((l) => [l.id, l]));
  let layer = graph.output === null ? undefined : byId.get(graph.output);
  while (layer && passThrough.has(layer.kind)) layer = byId.get(layer.inputs[0]);
  return layer?.kind === 'dense' ? layer : null;
}

function endsInProbabilities(graph: LayerGraph): boolean {
  const output = graph.layers.find((l) => l.id === graph.output);
  return output?.kind === 'softmax' || (output?.kind === 'dense' && output.params.activation === 'softmax');
}

export function parseDesignText(text: string): DesignDocument {
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new UnreadableDesignError(`The design cannot be read: ${parsed.error.message}`);
  return parsed.value.document;
}

export function prepareModel(document: DesignDocument, classNames: readonly string[], seed: number): PreparedModel {
  const analysis = analyze(document);
  if (hasErrors(analysis.diagnostics)) throw new DesignErrorsError(document.name, analysis.diagnostics);
  const classifier = classifierLayer(analysis.graph);
  if (!classifier) throw new UntrainableDesignError(`Design '${document.name}' does not end in a dense classifier layer, so it cannot be trained to classify images.`);
  if (!endsInProbabilities(analysis.graph)) {
    throw new UntrainableDesignError(`Design '${document.name}' must output class probabilities: end it with a softmax (after the '${classifier.nodeId}' dense layer).`);
  }
  const [, , channels] = analysis.graph.input;
  if (analysis.graph.input[0] !== analysis.graph.input[1] || (channels !== 1 && channels !== 3)) {
    throw new UntrainableDesignError(`Training needs a square input with 1 or 3 channels; design '${document.name}' has ${analysis.graph.input.join('×')}.`);
  }
  const units = classifier.kind === 'dense' ? classifier.params.units : 0;
  let adapted: DesignDocument = { ...document, classes: [...classNames] };
  let resized: PreparedModel['resized'];
  if (units !== classNames.length) {
    const node = document.nodes.find((n) => n.id === classifier.nodeId);
    // Stryker disable next-line ConditionalExpression,StringLiteral: a dense layer comes only from a dense node of its id, so the node is always there; this narrows its type
    if (!node) throw new UntrainableDesignError(`Design '${document.name}' has ${units} outputs but the dataset has ${classNames.length} classes; set the classifier's units to ${classNames.length}.`);
    adapted = { ...adapted, nodes: document.nodes.map((n) => (n === node ? { ...n, params: { ...n.params, units: classNames.length } } : n)) };
    resized = { from: units, to: classNames.length };
  }
  const { model } = compileDesign(adapted, { seed });
  return resized ? { document: adapted, model, resized } : { document: adapted, model };
}
