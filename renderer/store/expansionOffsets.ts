/**
 * Room for expanded blocks, as a view-only shift: every node downstream of an expanded block
 * moves down by the height the block gained. The shift depends only on the graph and on which
 * blocks are open (not on positions), so view and document positions convert exactly both ways:
 * view = document + offset. Collapsing a block moves its successors back.
 */

import type { DesignDocument } from '../../app/design/types';

/** Height of a collapsed block on the canvas, as the rest of the layout assumes. */
export const COLLAPSED_HEIGHT = 62;

/** Vertical offset per node id; nodes not listed stay where the document puts them. */
export function expansionOffsets(document: DesignDocument, grownBy: ReadonlyMap<string, number>): Map<string, number> {
  const offsets = new Map<string, number>();
  if (grownBy.size === 0) return offsets;
  const successors = new Map<string, string[]>();
  for (const edge of document.edges) successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  for (const [block, extra] of grownBy) {
    if (extra <= 0) continue;
    const seen = new Set<string>();
    const stack = [...(successors.get(block) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id) || id === block) continue;
      seen.add(id);
      offsets.set(id, (offsets.get(id) ?? 0) + extra);
      stack.push(...(successors.get(id) ?? []));
    }
  }
  return offsets;
}
