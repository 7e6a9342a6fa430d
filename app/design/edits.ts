/**
 * Pure edit operations on a design document. Each returns a new document and never mutates its
 * input; nodes and edges that an edit does not touch keep their identity, so the canvas can
 * skip re-rendering them. The renderer's actions call these; undo history records the results.
 */

import { shortNodeId } from './nodeNames';
import type { DesignDocument, DesignEdge, DesignNode, ParamValue, ParamValues } from './types';

export interface Position {
  x: number;
  y: number;
}

/** A node to add; the id is chosen fresh from a short form of `type` (`redB2`) unless given and free. */
export interface NodeDraft {
  id?: string;
  type: string;
  params?: ParamValues;
  position: Position;
  label?: string;
}

/** Nodes and the edges among them, as copied to the clipboard. */
export interface Fragment {
  nodes: readonly DesignNode[];
  edges: readonly DesignEdge[];
}

export interface AddResult {
  document: DesignDocument;
  id: string;
}

export interface PasteResult {
  document: DesignDocument;
  /** Ids of the pasted nodes, in fragment order. */
  ids: readonly string[];
}

/** `source->target:port`, the key the analysis uses for edges. */
export function edgeKey(edge: DesignEdge): string {
  return `${edge.source}->${edge.target}:${edge.port}`;
}

/** The first id `base`, `base2`, `base3`… that `taken` does not hold. */
export function freshId(taken: ReadonlySet<string>, base: string): string {
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '') || 'node';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function nodeIds(doc: DesignDocument): Set<string> {
  return new Set(doc.nodes.map((node) => node.id));
}

export function addNode(doc: DesignDocument, draft: NodeDraft): AddResult {
  const id = freshId(nodeIds(doc), draft.id ?? shortNodeId(draft.type));
  const node: DesignNode = {
    id,
    type: draft.type,
    params: draft.params ?? {},
    position: { x: draft.position.x, y: draft.position.y },
    ...(draft.label === undefined ? {} : { label: draft.label }),
  };
  return { document: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Renumbers each listed target's ports to 0…n-1, keeping their order. */
function compactPorts(edges: readonly DesignEdge[], targets: ReadonlySet<string>): DesignEdge[] {
  const byTarget = new Map<string, DesignEdge[]>();
  for (const edge of edges) {
    if (!targets.has(edge.target)) continue;
    const list = byTarget.get(edge.target) ?? [];
    list.push(edge);
    byTarget.set(edge.target, list);
  }
  const renumbered = new Map<DesignEdge, DesignEdge>();
  for (const list of byTarget.values()) {
    [...list]
      .sort((a, b) => a.port - b.port)
      .forEach((edge, port) => renumbered.set(edge, edge.port === port ? edge : { ...edge, port }));
  }
  return edges.map((edge) => renumbered.get(edge) ?? edge);
}

/** Removes nodes and every edge that touches them; remaining ports of their targets close up. */
export function removeNodes(doc: DesignDocument, ids: Iterable<string>): DesignDocument {
  const gone = new Set(ids);
  if (!doc.nodes.some((node) => gone.has(node.id))) return doc;
  const affected = new Set<string>();
  const edges = doc.edges.filter((edge) => {
    const keep = !gone.has(edge.source) && !gone.has(edge.target);
    if (!keep && !gone.has(edge.target)) affected.add(edge.target);
    return keep;
  });
  return { ...doc, nodes: doc.nodes.filter((node) => !gone.has(node.id)), edges: compactPorts(edges, affected) };
}

/**
 * Connects `source` to `target` at `port`. An edge already at that port is replaced, and an
 * existing edge between the same pair moves to the new port. Self-loops and unknown nodes are
 * refused (the document comes back unchanged).
 */
export function connect(doc: DesignDocument, edge: DesignEdge): DesignDocument {
  const ids = nodeIds(doc);
  if (edge.source === edge.target || !ids.has(edge.source) || !ids.has(edge.target)) return doc;
  if (!Number.isInteger(edge.port) || edge.port < 0) return doc;
  if (doc.edges.some((e) => sameEdge(e, edge))) return doc;
  const kept = doc.edges.filter(
    (e) => !(e.target === edge.target && (e.port === edge.port || e.source === edge.source)),
  );
  const edges = compactPorts([...kept, { source: edge.source, target: edge.target, port: edge.port }], new Set([edge.target]));
  return { ...doc, edges };
}

/** The next free port of `target` (one past its highest). */
export function nextPort(doc: DesignDocument, target: string): number {
  return doc.edges.reduce((next, edge) => (edge.target === target ? Math.max(next, edge.port + 1) : next), 0);
}

function sameEdge(a: DesignEdge, b: DesignEdge): boolean {
  return a.source === b.source && a.target === b.target && a.port === b.port;
}

/** Removes the given edges; the targets' remaining ports close up in order. */
export function disconnect(doc: DesignDocument, edges: readonly DesignEdge[]): DesignDocument {
  const keys = new Set(edges.map(edgeKey));
  const kept = doc.edges.filter((edge) => !keys.has(edgeKey(edge)));
  if (kept.length === doc.edges.length) return doc;
  return { ...doc, edges: compactPorts(kept, new Set(edges.map((edge) => edge.target))) };
}

/** Moves nodes to new positions; nodes not listed (or not moved) keep their identity. */
export function moveNodes(doc: DesignDocument, positions: ReadonlyMap<string, Position>): DesignDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Merges parameter values into a node; `undefined` removes a value (back to its default). */
export function setParams(
  doc: DesignDocument,
  id: string,
  values: Readonly<Record<string, ParamValue | undefined>>,
): DesignDocument {
  const index = doc.nodes.findIndex((node) => node.id === id);
  if (index < 0) return doc;
  const node = doc.nodes[index];
  const params: Record<string, ParamValue> = { ...node.params };
  let changed = false;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) {
      if (name in params) {
        delete params[name];
        changed = true;
      }
    } else if (!sameValue(params[name], value)) {
      params[name] = value;
      changed = true;
    }
  }
  if (!changed) return doc;
  const nodes = [...doc.nodes];
  nodes[index] = { ...node, params };
  return { ...doc, nodes };
}

/** Whether a stored value equals another (pairs by element). */
export function sameValue(a: ParamValue | undefined, b: ParamValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The nodes with the given ids and the edges among them. */
export function copyFragment(doc: DesignDocument, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  return {
    nodes: doc.nodes.filter((node) => chosen.has(node.id)),
    edges: doc.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target)),
  };
}

/** Adds a copy of a fragment with fresh ids, shifted by `offset`; its internal edges follow. */
export function pasteFragment(doc: DesignDocument, fragment: Fragment, offset: Position): PasteResult {
  const taken = nodeIds(doc);
  const rename = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = freshId(taken, node.id);
    taken.add(id);
    rename.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges: DesignEdge[] = [];
  for (const edge of fragment.edges) {
    const source = rename.get(edge.source);
    const target = rename.get(edge.target);
    if (source !== undefined && target !== undefined) edges.push({ source, target, port: edge.port });
  }
  const pastedTargets = new Set(edges.map((edge) => edge.target));
  return {
    document: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...compactPorts(edges, pastedTargets)] },
    ids: nodes.map((node) => node.id),
  };
}

/**
 * Adds a node after `after`: it takes over `after`'s outgoing edges (same ports) and `after`
 * feeds its port 0, so a chain stays a chain.
 */
export function insertAfter(doc: DesignDocument, after: string, draft: NodeDraft): AddResult {
  const added = addNode(doc, draft);
  if (!doc.nodes.some((node) => node.id === after)) return added;
  const edges = added.document.edges.map((edge) => (edge.source === after ? { ...edge, source: added.id } : edge));
  edges.push({ source: after, target: added.id, port: 0 });
  return { document: { ...added.document, edges }, id: added.id };
}

/** The label a typed name stands for: trimmed; none when empty or the node's id. */
export function labelFor(text: string, id: string): string | undefined {
  const name = text.trim();
  return name === '' || name === id ? undefined : name;
}

/** Names a node for display; an empty or id-equal name removes the label (the id shows again). */
export function renameNode(doc: DesignDocument, id: string, label: string): DesignDocument {
  const index = doc.nodes.findIndex((node) => node.id === id);
  if (index < 0) return doc;
  const node = doc.nodes[index];
  const next = labelFor(label, id);
  if (next === node.label) return doc;
  const { label: _old, ...rest } = node;
  const nodes = [...doc.nodes];
  nodes[index] = next === undefined ? rest : { ...rest, label: next };
  return { ...doc, nodes };
}
