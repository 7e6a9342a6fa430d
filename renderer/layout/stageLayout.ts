/** The stage-column layout applied to a design: to a preset as it opens, and after Auto layout. */

import type { Analysis } from '../../app/analysis/types';
import { moveNodes } from '../../app/design/edits';
import type { DesignDocument } from '../../app/design/types';
import { stageColumns, type Positions, type StageBox } from './stageColumns';

/** A collapsed node's size before the canvas has measured it. */
const NODE_SIZE = { width: 220, height: 76 };

/** `35×35` for a node with a spatial output; undefined for vectors and unknown shapes. */
function gridOf(analysis: Analysis, id: string): string | undefined {
  const shape = analysis.nodes[id]?.output;
  return shape?.length === 3 ? `${shape[0]}×${shape[1]}` : undefined;
}

/** Boxes (top-left and size) in stage columns, each tagged with its node's output grid. */
export function inStages(boxes: readonly Omit<StageBox, 'grid'>[], analysis: Analysis): Positions {
  return stageColumns(boxes.map((box) => ({ ...box, grid: gridOf(analysis, box.id) })));
}

/** The document with its nodes moved into stage columns (positions as they were, cut and set side by side). */
export function documentInStages(document: DesignDocument, analysis: Analysis): DesignDocument {
  return moveNodes(document, inStages(document.nodes.map((node) => ({ id: node.id, ...node.position, ...NODE_SIZE })), analysis));
}
