/**
 * A layout that uses the canvas's width: the top-down layout cut into one column per stage (a
 * new column where the grid shrinks, as after a Reduction block), columns side by side, so a
 * 299×299 Inception network reads at full size instead of one tall column shrunk to 2-px text.
 * Cuts fall only between horizontal bands no node straddles, so branches stay together. Pure.
 */

export interface StageBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The node's output grid (`35×35`), when known: where it changes, a new stage starts. */
  grid?: string;
}

export interface StageColumnOptions {
  /** Space between columns. */
  gap: number;
  /** A stage this short (in nodes) takes the next one in, as the input joins the stem. */
  minStage: number;
  /** A column taller than this wraps to the next column even inside a stage. */
  maxHeight: number;
}

export const STAGE_COLUMNS: StageColumnOptions = { gap: 90, minStage: 3, maxHeight: 1400 };

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** Boxes in reading order, cut into stages. */
function stages(boxes: readonly StageBox[], options: StageColumnOptions): StageBox[][] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const result: StageBox[][] = [];
  let current: StageBox[] = [];
  let bandBottom = -Infinity;
  let top = 0;
  for (const box of sorted) {
    const last = current.at(-1);
    const cleanCut = last !== undefined && box.y >= bandBottom;
    const gridChanges = last?.grid !== undefined && box.grid !== undefined && box.grid !== last.grid && current.length >= options.minStage;
    const tooTall = box.y + box.height - top > options.maxHeight;
    if (cleanCut && (gridChanges || tooTall)) {
      result.push(current);
      current = [];
    }
    if (current.length === 0) top = box.y;
    current.push(box);
    bandBottom = Math.max(bandBottom, box.y + box.height);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** New top-left positions: each stage moved to its own column, all columns top-aligned. */
export function stageColumns(boxes: readonly StageBox[], options: StageColumnOptions = STAGE_COLUMNS): Positions {
  const positions = new Map<string, { x: number; y: number }>();
  if (boxes.length === 0) return positions;
  const top = Math.min(...boxes.map((box) => box.y));
  let left = Math.min(...boxes.map((box) => box.x));
  for (const stage of stages(boxes, options)) {
    const minX = Math.min(...stage.map((box) => box.x));
    const maxX = Math.max(...stage.map((box) => box.x + box.width));
    const minY = Math.min(...stage.map((box) => box.y));
    for (const box of stage) positions.set(box.id, { x: Math.round(box.x - minX + left), y: Math.round(box.y - minY + top) });
    left += maxX - minX + options.gap;
  }
  return positions;
}
