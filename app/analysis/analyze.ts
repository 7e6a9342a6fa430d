/**
 * The whole analysis of a design: expansion, shapes, costs, provenance and diagnostics. Pure,
 * and fast enough to run on every edit; it reports problems instead of throwing.
 */

import type { DesignDocument } from '../design/types';
import type { LayerCost, Shape } from '../layers/types';
import { shapeSize } from '../layers/shapeText';
import { edgeKey } from '../design/edits';
import { designHints } from './designHints';
import { diagnostic } from './diagnostic';
import { expandDesign } from './expandDesign';
import { definitionOf, inferShapes } from './inferShapes';
import { chainSteps } from './provenance';
import { shapeDiagnostics } from './shapeDiagnostics';
import type { Analysis, Diagnostic, LayerAnalysis, NodeAnalysis, Totals } from './types';

export { formatProvenance } from './provenance';

const BYTES_PER_VALUE = 4;

/** Bytes of one image's activation of this shape (float32). */
export function outputBytes(shape: Shape): number {
  return shapeSize(shape) * BYTES_PER_VALUE;
}

export function analyze(doc: DesignDocument): Analysis {
  const expanded = expandDesign(doc);
  const { graph, nodeLayers, nodeOutputs, incoming } = expanded;
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  const shapes = inferShapes(graph, usableInput(doc, diagnostics));
  diagnostics.push(...shapeDiagnostics(shapes.problems, graph, incoming));

  const layers: Record<string, LayerAnalysis> = {};
  const activationBytes = new Map<string, number>();
  const totals: Totals = { trainable: 0, nonTrainable: 0, macs: 0, total: 0, activationBytes: 0, largestActivationBytes: 0 };
  for (const layer of graph.layers) {
    const output = shapes.outputs.get(layer.id);
    const inputs = shapes.inputs.get(layer.id);
    const definition = definitionOf(layer.kind);
    const cost = output && inputs && definition ? definition.cost(inputs, output, layer.params) : zeroCost();
    const bytes = output ? outputBytes(output) : 0;
    const provenance = chainSteps(shapes.provenance.get(layer.id));
    layers[layer.id] = output ? { output, cost, provenance } : { cost, provenance };
    activationBytes.set(layer.id, bytes);
    addCost(totals, cost);
    totals.activationBytes += bytes;
    totals.largestActivationBytes = Math.max(totals.largestActivationBytes, bytes);
  }
  totals.total = totals.trainable + totals.nonTrainable;

  const nodes: Record<string, NodeAnalysis> = {};
  const nodeShape = (id: string): Shape | undefined => {
    const layer = nodeOutputs[id];
    // Stryker disable next-line ConditionalExpression: no shape is stored under undefined, so looking it up gives undefined too
    return layer === undefined ? undefined : shapes.outputs.get(layer);
  };
  for (const [id, layerIds] of Object.entries(nodeLayers)) {
    const cost = zeroCost();
    let bytes = 0;
    for (const layerId of layerIds) {
      addCost(cost, layers[layerId].cost);
      bytes += activationBytes.get(layerId) ?? 0;
    }
    const output = nodeShape(id);
    const outputLayer = nodeOutputs[id];
    nodes[id] = {
      ...(output ? { output } : {}),
      inputs: (incoming.get(id) ?? []).map((edge) => nodeShape(edge.source)),
      cost,
      activationBytes: bytes,
      provenance: (outputLayer === undefined ? undefined : layers[outputLayer])?.provenance ?? [],
      layers: layerIds,
    };
  }

  const edges: Record<string, Shape | undefined> = {};
  for (const edge of doc.edges) edges[edgeKey(edge)] = nodeShape(edge.source);
  diagnostics.push(...designHints(doc, nodes, totals));
  const output = graph.output === null ? undefined : shapes.outputs.get(graph.output);
  return { graph, nodes, layers, edges, order: expanded.order, ...(output ? { output } : {}), totals, diagnostics };
}

function zeroCost(): LayerCost {
  return { trainable: 0, nonTrainable: 0, macs: 0 };
}

function addCost(sum: LayerCost, cost: LayerCost): void {
  sum.trainable += cost.trainable;
  sum.nonTrainable += cost.nonTrainable;
  sum.macs += cost.macs;
}

/** The network input shape, or undefined (reported) when the design's input size is unusable. */
function usableInput(doc: DesignDocument, diagnostics: Diagnostic[]): Shape | undefined {
  const { height, width, channels } = doc.input;
  const shape = [height, width, channels];
  if (shape.every((n) => Number.isSafeInteger(n) && n > 0)) return shape;
  const inputNodes = doc.nodes.filter((node) => node.type === 'input').map((node) => node.id);
  diagnostics.push(
    diagnostic(
      'error',
      'invalid-param',
      `The design input is ${shape.join('×')}; height, width and channels must be positive integers.`,
      'Set the input size in the design settings, e.g. 299×299×3.',
      inputNodes,
    ),
  );
  return undefined;
}
