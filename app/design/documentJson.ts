/** JSON text in and out of a design: where a syntax error is, and a stable serialisation. */

import { errorMessage, type Result } from '../result';
import { findJsonSyntaxError } from './jsonSyntaxError';
import type { DesignDocument, DesignNode, LayerOverrides, ParamValues } from './types';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Parses JSON; on a syntax error says where and why. */
export function parseJson(text: string): Result<unknown, { line: number; column: number; reason: string }> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(text) ?? { offset: text.length, reason: errorMessage(error) };
    return { ok: false, error: { ...lineColumn(text, found.offset), reason: found.reason } };
  }
}

function sortedParams(params: ParamValues): ParamValues {
  return Object.fromEntries(Object.keys(params).sort().map((key) => [key, params[key]]));
}

function sortedOverrides(overrides: LayerOverrides): LayerOverrides {
  return Object.fromEntries(Object.keys(overrides).sort().map((layer) => [layer, sortedParams(overrides[layer])]));
}

function canonicalNode(node: DesignNode): DesignNode {
  return {
    id: node.id,
    type: node.type,
    // JSON.stringify leaves an undefined label out.
    label: node.label,
    params: sortedParams(node.params),
    ...(node.overrides === undefined ? {} : { overrides: sortedOverrides(node.overrides) }),
    position: { x: node.position.x, y: node.position.y },
  };
}

/** Fixed key order, 2-space indent, short number arrays on one line, trailing newline. */
export function serializeDesign(document: DesignDocument): string {
  const canonical = {
    format: document.format,
    version: document.version,
    name: document.name,
    input: { height: document.input.height, width: document.input.width, channels: document.input.channels },
    nodes: document.nodes.map(canonicalNode),
    edges: document.edges.map((edge) => ({ source: edge.source, target: edge.target, port: edge.port })),
    notes: [...document.notes],
    ...(document.classes === undefined ? {} : { classes: [...document.classes] }),
  };
  // Raw newlines never occur inside JSON strings, so this only joins arrays of bare numbers.
  const text = JSON.stringify(canonical, null, 2).replace(/\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g, (_match, items: string) =>
    `[${items.split(/,\n\s*/).join(', ')}]`,
  );
  return `${text}\n`;
}
