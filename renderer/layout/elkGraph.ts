/**
 * The layout request as ELK sees it (top-down layered, model order kept so concat inputs stay
 * in port order) and the positions read back. Pure: the worker and tests both use it.
 */

import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutLink {
  source: string;
  target: string;
  port: number;
}

export interface LayoutRequest {
  nodes: readonly LayoutBox[];
  edges: readonly LayoutLink[];
}

/** Top-left positions by node id. */
export type LayoutResult = Record<string, { x: number; y: number }>;

const options: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'POLYLINE',
};

export function toElkGraph(request: LayoutRequest): ElkNode {
  const ids = new Set(request.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [...request.edges]
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .sort((a, b) => (a.target === b.target ? a.port - b.port : 0))
    .map((e) => ({ id: `${e.source}->${e.target}:${e.port}`, sources: [e.source], targets: [e.target] }));
  return {
    id: 'root',
    layoutOptions: options,
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges,
  };
}

export function fromElkGraph(graph: ElkNode): LayoutResult {
  const result: LayoutResult = {};
  for (const child of graph.children ?? []) result[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return result;
}
