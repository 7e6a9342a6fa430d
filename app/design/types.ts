/**
 * The design document: what a user saves. Versioned JSON, file extension `.incept.json`.
 * A document may contain analysis errors and is still valid: parse checks structure only.
 */

export const DESIGN_FORMAT = 'inception-studio/design';
export const DESIGN_VERSION = 2;
export const DESIGN_EXTENSION = '.incept.json';

/** A parameter value as stored in a document. Pairs (`kernel`, `strides`) are `[h, w]`. */
export type ParamValue = number | string | boolean | readonly number[];
export type ParamValues = Readonly<Record<string, ParamValue>>;

export interface DesignInput {
  height: number;
  width: number;
  channels: number;
}

export interface DesignNode {
  /** Stable, unique id; names the node's weights (`b3`, `stem`). Letters, digits, `_`, `-`. */
  id: string;
  /** A layer kind (`conv2d`) or a block type (`inceptionA`). */
  type: string;
  params: ParamValues;
  position: { x: number; y: number };
  label?: string;
}

/** An edge into an ordered input port: concatenation order is `port` order. */
export interface DesignEdge {
  source: string;
  target: string;
  port: number;
}

export interface DesignDocument {
  format: typeof DESIGN_FORMAT;
  version: typeof DESIGN_VERSION;
  name: string;
  input: DesignInput;
  nodes: readonly DesignNode[];
  edges: readonly DesignEdge[];
  /** Free text: what a preset corrected, why a change was made. */
  notes: readonly string[];
  /** Class names for the output layer, when known. */
  classes?: readonly string[];
}

/** One problem found while parsing: where (`nodes[3].params.filters`), expected and found. */
export interface SchemaIssue {
  path: string;
  expected: string;
  found: string;
}

export type ParseResult =
  | { ok: true; document: DesignDocument; migratedFrom?: number }
  | { ok: false; issues: readonly SchemaIssue[]; message: string };
