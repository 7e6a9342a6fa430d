/** The result of analysing a design: shapes, costs and diagnostics, keyed by node and layer. */

import type { GridStep, LayerCost, LayerGraph, Shape } from '../layers/types';

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'concat-grid-mismatch'
  | 'residual-shape-mismatch'
  | 'grid-collapsed'
  | 'cycle'
  | 'too-few-inputs'
  | 'too-many-inputs'
  | 'unconnected-node'
  | 'no-output'
  | 'multiple-outputs'
  | 'dense-on-spatial'
  | 'invalid-param'
  | 'unknown-param'
  | 'unknown-type'
  | 'unknown-layer'
  | 'duplicate-port'
  | 'missing-input-node'
  | 'multiple-input-nodes'
  | 'dangling-edge'
  | 'duplicate-node-id'
  | 'needs-feature-map'
  // Design-intent hints (designHints.ts): never errors.
  | 'reduction-on-large-grid'
  | 'classifier-on-large-grid'
  | 'dominant-block';

/** A fix the window can apply with one click (undoable like any edit). */
export interface InputSizeFix {
  kind: 'input-size';
  /** What the button says: `Set input to 75×75`. */
  label: string;
  height: number;
  width: number;
}

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Design node ids involved; the first is the node that causes the problem. */
  nodes: readonly string[];
  /** Expanded layer id inside a block, when the problem is there. */
  layer?: string;
  /** Edges involved, as `source->target:port`. */
  edges?: readonly string[];
  /** A suggested fix. */
  hint: string;
  /** The suggested fix as an edit, when one edit makes it. */
  fix?: InputSizeFix;
}

export interface NodeAnalysis {
  /** Output shape; absent when it cannot be inferred (an upstream error). */
  output?: Shape;
  /** Input shapes in port order (undefined where unknown). */
  inputs: readonly (Shape | undefined)[];
  cost: LayerCost;
  /** Bytes of forward activations for one image (float32), summed over the node's layers. */
  activationBytes: number;
  /** The grid arithmetic from the network input to this node's output. */
  provenance: readonly GridStep[];
  /** Layer ids this node expanded to, in order. */
  layers: readonly string[];
}

export interface LayerAnalysis {
  output?: Shape;
  cost: LayerCost;
  /** The grid arithmetic from the network input to this layer's output. */
  provenance: readonly GridStep[];
}

export interface Totals extends LayerCost {
  total: number;
  activationBytes: number;
  /** The largest single layer output for one image (float32): what one GPU buffer must hold per image. */
  largestActivationBytes: number;
}

export interface Analysis {
  graph: LayerGraph;
  nodes: Readonly<Record<string, NodeAnalysis>>;
  layers: Readonly<Record<string, LayerAnalysis>>;
  /** Shape carried by each edge, keyed `source->target:port`. */
  edges: Readonly<Record<string, Shape | undefined>>;
  /** Design node ids in topological order (nodes on a cycle are left out). */
  order: readonly string[];
  output?: Shape;
  totals: Totals;
  diagnostics: readonly Diagnostic[];
}
