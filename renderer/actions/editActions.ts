/** Actions that change the document's nodes and edges. */

import {
  addNode,
  connect,
  copyFragment,
  disconnect,
  edgeKey,
  insertAfter,
  moveNodes,
  pasteFragment,
  removeNodes,
  renameNode,
  setParams,
  type Position,
} from '../../app/design/edits';
import type { DesignEdge, DesignNode, ParamValue } from '../../app/design/types';
import type { Action, EditorView } from './types';

/** Vertical distance between a node and one added after it. */
const STEP_Y = 150;
const PASTE_OFFSET = { x: 40, y: 40 };

export const addNodeAction: Action<{ type: string; position: Position }> = {
  name: 'addNode',
  label: 'Add node',
  perform(view, { type, position }) {
    const { document, id } = addNode(view.document, { type, position });
    return { document, selection: [id], selectedEdges: [] };
  },
};

function lowest(nodes: readonly DesignNode[]): DesignNode | undefined {
  return nodes.reduce<DesignNode | undefined>((low, n) => (low === undefined || n.position.y > low.position.y ? n : low), undefined);
}

/** Adds after the selected node (taking over its outgoing edges), or below the lowest node. */
export const insertAfterAction: Action<{ type: string }> = {
  name: 'insertAfter',
  label: 'Add node',
  perform(view, { type }) {
    const anchor = view.document.nodes.find((n) => n.id === view.selection[0]) ?? lowest(view.document.nodes);
    const position = anchor ? { x: anchor.position.x, y: anchor.position.y + STEP_Y } : { x: 0, y: 0 };
    const shifted = anchor ? shiftBelow(view, anchor) : view.document;
    const result = anchor
      ? insertAfter(shifted, anchor.id, { type, position })
      : addNode(shifted, { type, position });
    return { document: result.document, selection: [result.id], selectedEdges: [] };
  },
};

/** Makes room under `anchor`: nodes downstream of it move down one step. */
function shiftBelow(view: EditorView, anchor: DesignNode) {
  const downstream = new Set<string>();
  const stack = [anchor.id];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const edge of view.document.edges) {
      if (edge.source === id && !downstream.has(edge.target)) {
        downstream.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  const moves = new Map<string, Position>();
  for (const node of view.document.nodes) {
    if (downstream.has(node.id)) moves.set(node.id, { x: node.position.x, y: node.position.y + STEP_Y });
  }
  return moveNodes(view.document, moves);
}

export const connectAction: Action<DesignEdge> = {
  name: 'connect',
  label: 'Connect',
  perform(view, edge) {
    const document = connect(view.document, edge);
    return document === view.document ? null : { document };
  },
};

export const deleteAction: Action = {
  name: 'delete',
  label: 'Delete',
  perform(view) {
    const edges = view.document.edges.filter((e) => view.selectedEdges.includes(edgeKey(e)));
    const document = removeNodes(disconnect(view.document, edges), view.selection);
    return document === view.document ? null : { document, selection: [], selectedEdges: [] };
  },
};

export const copyAction: Action = {
  name: 'copy',
  label: 'Copy',
  perform(view) {
    return view.selection.length === 0 ? null : { clipboard: copyFragment(view.document, view.selection) };
  },
};

export const cutAction: Action = {
  name: 'cut',
  label: 'Cut',
  perform(view) {
    if (view.selection.length === 0) return null;
    const clipboard = copyFragment(view.document, view.selection);
    return { clipboard, document: removeNodes(view.document, view.selection), selection: [], selectedEdges: [] };
  },
};

export const pasteAction: Action = {
  name: 'paste',
  label: 'Paste',
  perform(view) {
    if (!view.clipboard || view.clipboard.nodes.length === 0) return null;
    const { document, ids } = pasteFragment(view.document, view.clipboard, PASTE_OFFSET);
    // Shift the clipboard too, so pasting again does not stack copies on one spot.
    const clipboard = {
      ...view.clipboard,
      nodes: view.clipboard.nodes.map((n) => ({ ...n, position: { x: n.position.x + PASTE_OFFSET.x, y: n.position.y + PASTE_OFFSET.y } })),
    };
    return { document, clipboard, selection: ids, selectedEdges: [] };
  },
};

export const moveAction: Action<ReadonlyMap<string, Position>> = {
  name: 'move',
  label: 'Move',
  perform(view, positions) {
    const document = moveNodes(view.document, positions);
    return document === view.document ? null : { document };
  },
};

export const layoutAction: Action<ReadonlyMap<string, Position>> = { ...moveAction, name: 'layout', label: 'Auto layout' };

export const setParamsAction: Action<{ id: string; values: Readonly<Record<string, ParamValue | undefined>> }> = {
  name: 'setParams',
  label: 'Edit parameter',
  perform(view, { id, values }) {
    const document = setParams(view.document, id, values);
    return document === view.document ? null : { document, coalesce: `params:${id}:${Object.keys(values).join(',')}` };
  },
};

export const renameAction: Action<{ id: string; label: string }> = {
  name: 'rename',
  label: 'Rename',
  perform(view, { id, label }) {
    const document = renameNode(view.document, id, label);
    return document === view.document ? null : { document, coalesce: `rename:${id}` };
  },
};

/** The same parameter values on several nodes at once (all ten B-blocks' widths): one undo step. */
export const setParamsOfAllAction: Action<{ ids: readonly string[]; values: Readonly<Record<string, ParamValue | undefined>> }> = {
  name: 'setParamsOfAll',
  label: 'Edit parameters of the selection',
  perform(view, { ids, values }) {
    const document = ids.reduce((doc, id) => setParams(doc, id, values), view.document);
    return document === view.document ? null : { document, coalesce: `params:${ids.join(',')}:${Object.keys(values).join(',')}` };
  },
};
