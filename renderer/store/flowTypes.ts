/** The data each custom node and edge renders; plain values so equality is cheap. */

import type { Edge, Node } from '@xyflow/react';

export interface BlockNodeData extends Record<string, unknown> {
  title: string;
  typeLabel: string;
  keyParams: string;
  output: string;
  params: string;
  /** Multiply-accumulates per image, e.g. `1.2 G MACs`; empty for none. */
  macs: string;
  /** Target handles to draw, in port order. */
  ports: number;
  /** Number of input ports with an edge (concat: the extra last port adds one). */
  connected: number;
  hasOutput: boolean;
  severity: 'error' | 'warning' | null;
  /** Diagnostic messages, one per line, shown on hover. */
  problems: string;
  expandable: boolean;
  expanded: boolean;
  /** Layers set differently from the block's template (a custom block); 0 for none. */
  customLayers: number;
}

export interface LayerNodeData extends Record<string, unknown> {
  title: string;
  kind: string;
  output: string;
  severity: 'error' | 'warning' | null;
  problems: string;
  /** The layer the inspector shows. */
  selected: boolean;
  /** Set differently from the block's template. */
  custom: boolean;
}

export interface ShapeEdgeData extends Record<string, unknown> {
  label: string;
  error: boolean;
  problems: string;
}

export type BlockFlowNode = Node<BlockNodeData, 'block'>;
export type ExpandedFlowNode = Node<BlockNodeData, 'expanded'>;
export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type FlowNode = BlockFlowNode | ExpandedFlowNode | LayerFlowNode;
export type FlowEdge = Edge<ShapeEdgeData, 'shape'>;

/** Id prefix of a layer shown inside an expanded block (layer ids contain `/`). */
export const LAYER_PREFIX = 'layer:';
