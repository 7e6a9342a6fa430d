/**
 * The design document: what a user saves. Versioned JSON, file extension `.incept.json`.
 * A document may contain analysis errors and is still valid: parse checks structure only.
 */

import type { Result } from '../result';

export const DESIGN_FORMAT = 'inception-studio/design';
export const DESIGN_VERSION = 3;
export const DESIGN_EXTENSION = '.incept.json';

/** A parameter value as stored in a document. Pairs (`kernel`, `strides`) are `[h, w]`. */
export type ParamValue = number | string | boolean | readonly number[];
export type ParamValues = Readonly<Record<string, ParamValue>>;

/**
 * Settings of layers inside one block node that differ from its template, keyed by the layer's
 * path inside the block (`branch2/conv1`, the layer id without the node id). A block with any
 * is a custom block; the template, the presets and other nodes of the type stay as they are.
 */
export type LayerOverrides = Readonly<Record<string, ParamValues>>;

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
  /** Only on block nodes, never empty when present (see `LayerOverrides`). */
  overrides?: LayerOverrides;
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

/** A design read from its document; `migratedFrom` is set when it was upgraded from an older format. */
export interface ParsedDesign {
  document: DesignDocument;
  migratedFrom?: number;
}

/** Why a document is not a design: every schema issue, and all of them in one message. */
export interface DesignParseError {
  issues: readonly SchemaIssue[];
  message: string;
}

export type ParseResult = Result<ParsedDesign, DesignParseError>;
