/**
 * Turns a design into the layer graph: orders the nodes, checks types, parameters, inputs and
 * outputs, and expands each node (a layer node to one layer with the node's id, a block node
 * to its template's layers). Nodes that cannot be expanded are reported and left out; the rest
 * is still expanded so the analysis can say as much as possible.
 */

import { errorMessage } from '../result';
import { expandBlock } from '../blocks/expand';
import { applyOverrides } from './layerOverrides';
import { getNodeType } from '../design/nodeTypes';
import type { NodeType } from '../design/nodeTypes';
import type { ResolvedParams } from '../design/paramSpec';
import { resolveParams } from '../design/resolveParams';
import type { DesignDocument, DesignEdge, DesignNode } from '../design/types';
import { layerDefinitions } from '../layers/registry';
import type { Layer, LayerGraph, LayerKind, LayerSpec } from '../layers/types';
import { buildDesignGraph } from './designGraph';
import { diagnostic } from './diagnostic';
import { checkEnds } from './graphEnds';
import { topologicalOrder } from './topologicalOrder';
import type { Diagnostic } from './types';

export interface ExpandedDesign {
  graph: LayerGraph;
  /** Layer ids of each design node, in order; empty for a node that could not be expanded. */
  nodeLayers: Record<string, string[]>;
  /** The layer whose output is each expanded node's output. */
  nodeOutputs: Record<string, string>;
  diagnostics: Diagnostic[];
  /** Design node ids in topological order (nodes on a cycle are left out). */
  order: string[];
  /** Usable edges into each node, in port order. */
  incoming: ReadonlyMap<string, readonly DesignEdge[]>;
}

export function expandDesign(doc: DesignDocument): ExpandedDesign {
  const designGraph = buildDesignGraph(doc);
  const { order, diagnostics: cycleDiagnostics } = topologicalOrder(designGraph);
  const diagnostics = [...designGraph.diagnostics, ...cycleDiagnostics];
  const layers: Layer[] = [];
  const nodeLayers: Record<string, string[]> = {};
  const nodeOutputs: Record<string, string> = {};

  for (const id of designGraph.nodes.keys()) nodeLayers[id] = [];
  for (const id of order) {
    const node = designGraph.nodes.get(id);
    if (!node) continue;
    const nodeType = getNodeType(node.type);
    if (!nodeType) {
      diagnostics.push(
        diagnostic('error', 'unknown-type', `Node ${id} has the unknown type ${JSON.stringify(node.type)}.`, 'Replace it with a layer or block from the palette.', [id]),
      );
      continue;
    }
    const { values, issues } = resolveParams(nodeType.info, node.params);
    for (const issue of issues) {
      const severity = issue.code === 'invalid-param' ? 'error' : 'warning';
      diagnostics.push(diagnostic(severity, issue.code, `Node ${id}: ${issue.message}`, issue.hint, [id]));
    }
    const edges = designGraph.incoming.get(id) ?? [];
    // Stryker disable next-line ArrayDeclaration: every node in the order has its edge list
    if (!hasValidInputCount(node, nodeType, edges.length, (designGraph.outgoing.get(id) ?? []).length, diagnostics)) continue;
    const inputs = edges.map((edge) => nodeOutputs[edge.source]);
    if (inputs.some((input) => input === undefined)) continue;
    const expanded = expandNode(node, nodeType, values, inputs, diagnostics);
    if (!expanded) continue;
    layers.push(...expanded.layers);
    nodeLayers[id] = expanded.layers.map((layer) => layer.id);
    nodeOutputs[id] = expanded.output;
  }

  const { output, diagnostics: endDiagnostics } = checkEnds(doc, designGraph, order);
  diagnostics.push(...endDiagnostics);
  const graph: LayerGraph = {
    input: [doc.input.height, doc.input.width, doc.input.channels],
    layers,
    output: output === undefined ? null : (nodeOutputs[output] ?? null),
  };
  return { graph, nodeLayers, nodeOutputs, diagnostics, order, incoming: designGraph.incoming };
}

function hasValidInputCount(node: DesignNode, nodeType: NodeType, count: number, outgoing: number, diagnostics: Diagnostic[]): boolean {
  const { min, max } = nodeType.info.inputs;
  const label = nodeType.info.label;
  if (count === 0 && outgoing === 0) {
    diagnostics.push(
      diagnostic('warning', 'unconnected-node', `Node ${node.id} (${label}) is not connected to anything.`, 'Connect it into the network or delete it.', [node.id]),
    );
    return min === 0;
  }
  if (count < min) {
    diagnostics.push(
      diagnostic(
        'error',
        'too-few-inputs',
        `Node ${node.id} (${label}) has ${count} input${count === 1 ? '' : 's'} but needs ${min === max ? '' : 'at least '}${min}.`,
        `Connect ${min - count} more input${min - count === 1 ? '' : 's'} to it.`,
        [node.id],
      ),
    );
    return false;
  }
  if (max !== null && count > max) {
    diagnostics.push(
      diagnostic(
        'error',
        'too-many-inputs',
        `Node ${node.id} (${label}) has ${count} input${count === 1 ? '' : 's'} but takes ${max === 0 ? 'none' : `at most ${max}`}.`,
        max === 1 ? 'Join the inputs with a concatenation or a residual add first.' : `Remove ${count - max} of its input edges.`,
        [node.id],
      ),
    );
    return false;
  }
  return true;
}

function expandNode(
  node: DesignNode,
  nodeType: NodeType,
  values: ResolvedParams,
  inputs: readonly string[],
  diagnostics: Diagnostic[],
): { layers: Layer[]; output: string } | undefined {
  if (nodeType.kind === 'layer') {
    if (node.overrides !== undefined) {
      diagnostics.push(
        diagnostic('error', 'unknown-layer', `Node ${node.id} (${nodeType.info.label}) has settings for layers inside it, but only a block has layers.`, 'Remove its overrides from the file.', [node.id]),
      );
    }
    const spec = layerSpec(nodeType.layer, values);
    return { layers: [{ ...spec, id: node.id, nodeId: node.id, inputs }], output: node.id };
  }
  try {
    const expanded = expandBlock(nodeType.template, node.id, values, inputs[0]);
    return { layers: applyOverrides(node, expanded.layers, diagnostics), output: expanded.output };
  } catch (error) {
    const reason = errorMessage(error);
    diagnostics.push(
      diagnostic('error', 'invalid-param', `Block ${node.id} (${nodeType.info.label}) cannot be expanded: ${reason}.`, 'Check the block parameters.', [node.id]),
    );
    return undefined;
  }
}

function layerSpec<K extends LayerKind>(kind: K, values: ResolvedParams): LayerSpec {
  return { kind, params: layerDefinitions[kind].toParams(values) } as LayerSpec;
}
