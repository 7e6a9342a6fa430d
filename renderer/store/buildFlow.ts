/**
 * Turns the document and its analysis into React Flow nodes and edges. Pure, and it keeps the
 * previous object for every node or edge whose rendered content did not change, so React Flow
 * and the memoized node components skip them (a 1,000-layer graph stays smooth).
 */

import type { Analysis, Diagnostic } from '../../app/analysis/types';
import { layerPath } from '../../app/analysis/layerOverrides';
import { customLayerCount } from '../../app/design/customBlocks';
import { edgeKey } from '../../app/design/edits';
import type { NodeTypeInfo } from '../../app/design/paramSpec';
import type { DesignDocument, DesignNode } from '../../app/design/types';
import type { Layer } from '../../app/layers/types';
import { formatCount, formatShape } from '../format/quantities';
import { describeParams } from './describeParams';
import { COLLAPSED_HEIGHT, expansionOffsets } from './expansionOffsets';
import { layoutLayers, type PlacedLayers } from './layoutLayers';
import {
  LAYER_PREFIX,
  type BlockNodeData,
  type FlowEdge,
  type FlowNode,
  type LayerNodeData,
  type ShapeEdgeData,
} from './flowTypes';

export interface FlowInput {
  document: DesignDocument;
  analysis: Analysis;
  selection: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  /** The layer inside an expanded block that the inspector shows; null when none. */
  selectedLayer: string | null;
  nodeType: (type: string) => NodeTypeInfo | undefined;
}

export interface FlowElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** View-only vertical shift per node, making room for expanded blocks (see expansionOffsets). */
  offsets: ReadonlyMap<string, number>;
}

interface Problems {
  severity: 'error' | 'warning' | null;
  messages: string[];
}

/** Size before measurement, so fit view and the minimap are right from the first frame. */
const BLOCK_SIZE = { initialWidth: 220, initialHeight: COLLAPSED_HEIGHT };

function problemIndex(diagnostics: readonly Diagnostic[]) {
  const nodes = new Map<string, Problems>();
  const layers = new Map<string, Problems>();
  const edges = new Map<string, string[]>();
  const add = (map: Map<string, Problems>, key: string, d: Diagnostic) => {
    if (d.severity === 'info') return;
    const entry = map.get(key) ?? { severity: null, messages: [] };
    entry.messages.push(d.message);
    if (d.severity === 'error' || entry.severity === null) entry.severity = d.severity;
    map.set(key, entry);
  };
  for (const d of diagnostics) {
    if (d.nodes[0] !== undefined) add(nodes, d.nodes[0], d);
    if (d.layer !== undefined) add(layers, d.layer, d);
    for (const key of d.edges ?? []) edges.set(key, [...(edges.get(key) ?? []), d.message]);
  }
  return { nodes, layers, edges };
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (a[key] !== b[key]) return false;
  for (const key in b) if (!(key in a)) return false;
  return true;
}

function sameNode(a: FlowNode, b: FlowNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.parentId === b.parentId &&
    a.width === b.width &&
    a.height === b.height &&
    sameData(a.data, b.data)
  );
}

/** The previous node when nothing visible changed; otherwise the new one, keeping its measured size. */
function keep(prev: FlowNode | undefined, next: FlowNode): FlowNode {
  if (!prev) return next;
  if (sameNode(prev, next)) return prev;
  return prev.measured && prev.type === next.type ? ({ ...next, measured: prev.measured } as FlowNode) : next;
}

function keepEdge(prev: FlowEdge | undefined, next: FlowEdge): FlowEdge {
  if (
    prev &&
    prev.source === next.source &&
    prev.target === next.target &&
    prev.targetHandle === next.targetHandle &&
    prev.selected === next.selected &&
    sameData(prev.data ?? {}, next.data ?? {})
  ) {
    return prev;
  }
  return next;
}

function blockData(node: DesignNode, input: FlowInput, problems: Problems | undefined): BlockNodeData {
  const info = input.nodeType(node.type);
  const result = input.analysis.nodes[node.id];
  const connected = input.document.edges.reduce((n, e) => (e.target === node.id ? Math.max(n, e.port + 1) : n), 0);
  const max = info?.inputs.max;
  const variadic = max === null || (max !== undefined && max > 2);
  const ports = info === undefined ? Math.max(connected, 1) : variadic ? connected + 1 : Math.max(max ?? 0, connected);
  const params = result ? result.cost.trainable + result.cost.nonTrainable : 0;
  return {
    title: node.label ?? node.id,
    typeLabel: info?.label ?? `Unknown type “${node.type}”`,
    keyParams: info ? describeParams(info.params, node.params, info.category === 'Layers' || info.category === 'Heads') : '',
    output: formatShape(result?.output),
    params: params > 0 ? `${formatCount(params)} params` : '',
    macs: result && result.cost.macs > 0 ? `${formatCount(result.cost.macs)} MACs` : '',
    ports,
    connected,
    hasOutput: true,
    severity: problems?.severity ?? null,
    problems: problems?.messages.join('\n') ?? '',
    expandable: (result?.layers.length ?? 0) > 1,
    expanded: input.expanded.has(node.id),
    customLayers: customLayerCount(node),
  };
}

export function buildFlow(input: FlowInput, prev: FlowElements): FlowElements {
  const prevNodes = new Map(prev.nodes.map((n) => [n.id, n]));
  const prevEdges = new Map(prev.edges.map((e) => [e.id, e]));
  const index = problemIndex(input.analysis.diagnostics);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];

  const opened = new Map<string, { layers: Layer[]; placed: PlacedLayers }>();
  for (const id of input.expanded) {
    const layers = input.analysis.graph.layers.filter((l) => l.nodeId === id);
    if (layers.length > 1) opened.set(id, { layers, placed: layoutLayers(layers) });
  }
  const offsets = expansionOffsets(input.document, new Map([...opened].map(([id, o]) => [id, o.placed.height - COLLAPSED_HEIGHT])));

  for (const node of input.document.nodes) {
    const data = blockData(node, input, index.nodes.get(node.id));
    const selected = input.selection.has(node.id);
    const dy = offsets.get(node.id) ?? 0;
    const position = dy === 0 ? node.position : { x: node.position.x, y: node.position.y + dy };
    const open = opened.get(node.id);
    if (!open) {
      nodes.push(keep(prevNodes.get(node.id), { id: node.id, type: 'block', position, selected, data, ...BLOCK_SIZE }));
      continue;
    }
    const { layers, placed } = open;
    nodes.push(
      keep(prevNodes.get(node.id), {
        id: node.id,
        type: 'expanded',
        position,
        selected,
        data,
        width: placed.width,
        height: placed.height,
        // Above its neighbours: an opened block covers the nodes it now overlaps until re-laid out.
        zIndex: 10,
      }),
    );
    const inBlock = new Set(layers.map((l) => l.id));
    for (const layer of layers) {
      const problems = index.layers.get(layer.id);
      const path = layerPath(layer);
      const layerData: LayerNodeData = {
        title: path,
        kind: layer.kind,
        output: formatShape(input.analysis.layers[layer.id]?.output),
        severity: problems?.severity ?? null,
        problems: problems?.messages.join('\n') ?? '',
        selected: layer.id === input.selectedLayer,
        custom: node.overrides?.[path] !== undefined,
      };
      const id = LAYER_PREFIX + layer.id;
      nodes.push(
        keep(prevNodes.get(id), {
          id,
          type: 'layer',
          parentId: node.id,
          extent: 'parent',
          draggable: false,
          selectable: false,
          position: placed.positions.get(layer.id) ?? { x: 0, y: 0 },
          data: layerData,
        }),
      );
      layer.inputs.forEach((from, port) => {
        if (!inBlock.has(from)) return;
        const edgeId = `${LAYER_PREFIX}${from}->${layer.id}:${port}`;
        const edgeData: ShapeEdgeData = { label: formatShape(input.analysis.layers[from]?.output), error: false, problems: '' };
        edges.push(
          keepEdge(prevEdges.get(edgeId), {
            id: edgeId,
            type: 'shape',
            source: LAYER_PREFIX + from,
            target: id,
            sourceHandle: 'out',
            targetHandle: 'in-0',
            selectable: false,
            data: edgeData,
          }),
        );
      });
    }
  }

  for (const edge of input.document.edges) {
    const id = edgeKey(edge);
    const problems = index.edges.get(id);
    const data: ShapeEdgeData = {
      label: formatShape(input.analysis.edges[id]),
      error: problems !== undefined,
      problems: problems?.join('\n') ?? '',
    };
    edges.push(
      keepEdge(prevEdges.get(id), {
        id,
        type: 'shape',
        source: edge.source,
        target: edge.target,
        sourceHandle: 'out',
        targetHandle: `in-${edge.port}`,
        selected: input.selectedEdges.has(id),
        data,
      }),
    );
  }
  return { nodes, edges, offsets };
}
