/** Actions that change what is selected or expanded; they never touch the document. */

import type { Action } from './types';

export const selectAllAction: Action = {
  name: 'selectAll',
  label: 'Select all',
  perform(view) {
    return { selection: view.document.nodes.map((n) => n.id), selectedEdges: [] };
  },
};

export const selectAction: Action<readonly string[]> = {
  name: 'select',
  label: 'Select',
  perform(_view, ids) {
    return { selection: ids, selectedEdges: [] };
  },
};

/** Expands the selected blocks to their layers, or collapses them when all are expanded. */
export const toggleExpandAction: Action<readonly string[] | undefined> = {
  name: 'toggleExpand',
  label: 'Expand / collapse',
  perform(view, ids) {
    const targets = (ids ?? view.selection).filter((id) => (view.analysis.nodes[id]?.layers.length ?? 0) > 1);
    if (targets.length === 0) return null;
    const expanded = new Set(view.expanded);
    const collapse = targets.every((id) => expanded.has(id));
    for (const id of targets) {
      if (collapse) expanded.delete(id);
      else expanded.add(id);
    }
    return { expanded };
  },
};

export const expandAllAction: Action<boolean> = {
  name: 'expandAll',
  label: 'Expand all',
  perform(view, expand) {
    const ids = expand ? view.document.nodes.map((n) => n.id).filter((id) => (view.analysis.nodes[id]?.layers.length ?? 0) > 1) : [];
    return { expanded: new Set(ids) };
  },
};
