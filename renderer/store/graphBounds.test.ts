import { describe, expect, it } from 'vitest';
import type { FlowNode } from './flowTypes';
import { graphBounds } from './graphBounds';

const node = (id: string, x: number, y: number, extra: Partial<FlowNode> = {}) => ({ id, type: 'block', position: { x, y }, data: {}, ...extra }) as FlowNode;

describe('graphBounds', () => {
  it('covers top-level nodes by measured, declared or fallback size, ignoring children', () => {
    const nodes = [
      node('a', 0, 0, { measured: { width: 200, height: 60 } }),
      node('b', 0, 2000, { width: 500, height: 300 }),
      node('child', 9000, 9000, { parentId: 'b' }),
    ];
    expect(graphBounds(nodes)).toEqual({ x: -190, y: 0, width: 880, height: 2300 });
  });

  it('centres small graphs in a minimum view and gives null for none', () => {
    expect(graphBounds([node('a', 100, 100, { measured: { width: 220, height: 60 } })])).toEqual({ x: -230, y: -150, width: 880, height: 560 });
    expect(graphBounds([])).toBeNull();
  });
});
