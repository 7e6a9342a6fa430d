import { describe, expect, it } from 'vitest';
import { stageColumns, type StageBox } from './stageColumns';

const chain = (grids: readonly string[]): StageBox[] => grids.map((grid, i) => ({ id: `n${i}`, x: 0, y: i * 100, width: 200, height: 60, grid }));

describe('stageColumns', () => {
  it('starts a column where the grid shrinks, the input staying with the stem', () => {
    const boxes = chain(['299×299', '35×35', '35×35', '35×35', '17×17', '17×17', '17×17', '8×8', '8×8']);
    const at = stageColumns(boxes, { gap: 50, minStage: 3, maxHeight: 10_000 });
    expect([...at.values()].map((p) => p.x)).toEqual([0, 0, 0, 0, 250, 250, 250, 500, 500]);
    expect(at.get('n4')).toEqual({ x: 250, y: 0 });
    expect(at.get('n8')).toEqual({ x: 500, y: 100 });
  });

  it('wraps a stage taller than the limit', () => {
    const at = stageColumns(chain(Array.from({ length: 6 }, () => '8×8')), { gap: 50, minStage: 3, maxHeight: 300 });
    expect([...at.values()].map((p) => p.x)).toEqual([0, 0, 0, 250, 250, 250]);
  });

  it('never cuts through a band that a node straddles (branches stay together)', () => {
    const boxes: StageBox[] = [
      ...chain(['35×35', '35×35', '35×35']),
      { id: 'left', x: -150, y: 300, width: 200, height: 300, grid: '17×17' },
      { id: 'right', x: 150, y: 300, width: 200, height: 60, grid: '35×35' },
      { id: 'after', x: 150, y: 400, width: 200, height: 60, grid: '17×17' },
    ];
    const at = stageColumns(boxes, { gap: 50, minStage: 3, maxHeight: 10_000 });
    expect((at.get('right')?.x ?? 0) - (at.get('left')?.x ?? 0)).toBe(300);
    expect(at.get('after')?.x).toBe(at.get('right')?.x);
  });
});
