/**
 * Edits that make a block node a custom block (per-layer settings that differ from its
 * template) and back. Pure like `edits.ts`: a new document, untouched nodes keep identity.
 */

import { sameValue } from './edits';
import type { DesignDocument, DesignNode, LayerOverrides, ParamValue, ParamValues } from './types';

function replaceNode(doc: DesignDocument, id: string, change: (node: DesignNode) => DesignNode): DesignDocument {
  const index = doc.nodes.findIndex((node) => node.id === id);
  if (index < 0) return doc;
  const next = change(doc.nodes[index]);
  if (next === doc.nodes[index]) return doc;
  const nodes = [...doc.nodes];
  nodes[index] = next;
  return { ...doc, nodes };
}

function withOverrides(node: DesignNode, overrides: LayerOverrides): DesignNode {
  const { overrides: _old, ...rest } = node;
  return Object.keys(overrides).length === 0 ? rest : { ...rest, overrides };
}

/**
 * Sets layer `path`'s values inside block `id`; a value equal to what the template gives
 * (`template`, the layer's settings before any override) drops that override, so editing a
 * value back leaves no trace and the last one returns the block to its template.
 */
export function setLayerParams(
  doc: DesignDocument,
  id: string,
  path: string,
  values: ParamValues,
  template: ParamValues,
): DesignDocument {
  return replaceNode(doc, id, (node) => {
    const layer: Record<string, ParamValue> = { ...(node.overrides?.[path] ?? {}) };
    for (const [name, value] of Object.entries(values)) {
      if (sameValue(template[name], value)) delete layer[name];
      else layer[name] = value;
    }
    const before = node.overrides?.[path] ?? {};
    const same = Object.keys(layer).length === Object.keys(before).length && Object.entries(layer).every(([name, value]) => sameValue(before[name], value));
    if (same) return node;
    const { [path]: _old, ...others } = node.overrides ?? {};
    return withOverrides(node, Object.keys(layer).length === 0 ? others : { ...others, [path]: layer });
  });
}

/** Block `id` back to its template: every per-layer setting goes. */
export function revertToTemplate(doc: DesignDocument, id: string): DesignDocument {
  return replaceNode(doc, id, (node) => (node.overrides === undefined ? node : withOverrides(node, {})));
}

/** How many layers of a node differ from its template. */
export function customLayerCount(node: Pick<DesignNode, 'overrides'>): number {
  return Object.keys(node.overrides ?? {}).length;
}
