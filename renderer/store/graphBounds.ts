/**
 * The rectangle the top-level nodes cover, from their measured or declared sizes. React Flow's
 * own fitView waits until every node is measured, which never happens for off-screen nodes when
 * only visible elements render; this needs no measurement.
 */

import type { FlowNode } from './flowTypes';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FALLBACK = { width: 220, height: 62 };
const MIN_VIEW = { width: 880, height: 560 };

/** The rectangle the top-level nodes cover, exactly. */
export function graphExtent(nodes: readonly FlowNode[]): Bounds | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of nodes) {
    if (node.parentId !== undefined) continue;
    const width = node.measured?.width ?? node.width ?? node.initialWidth ?? FALLBACK.width;
    const height = node.measured?.height ?? node.height ?? node.initialHeight ?? FALLBACK.height;
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + width);
    bottom = Math.max(bottom, node.position.y + height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The extent to fit in view: at least a comfortable minimum, centred on the graph. */
export function graphBounds(nodes: readonly FlowNode[]): Bounds | null {
  const extent = graphExtent(nodes);
  if (!extent) return null;
  const [left, top, right, bottom] = [extent.x, extent.y, extent.x + extent.width, extent.y + extent.height];
  // A small graph is shown at about natural size rather than blown up to the maximum zoom.
  const width = Math.max(right - left, MIN_VIEW.width);
  const height = Math.max(bottom - top, MIN_VIEW.height);
  return { x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height };
}
