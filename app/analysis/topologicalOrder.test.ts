import { describe, expect, it } from 'vitest';
import { buildDesignGraph } from './designGraph';
import { design } from './testing/designs';
import type { EdgeRow, NodeRow } from './testing/designs';
import { topologicalOrder } from './topologicalOrder';

function orderOf(nodes: readonly NodeRow[], edges: readonly EdgeRow[]): ReturnType<typeof topologicalOrder> {
  return topologicalOrder(buildDesignGraph(design(nodes, edges)));
}

const convs = (...ids: string[]): NodeRow[] => ids.map((id) => [id, 'conv2d']);

describe('topologicalOrder', () => {
  it('puts every node after its sources, whatever the document order', () => {
    const { order, cyclic, diagnostics } = orderOf(convs('d', 'c', 'b', 'a'), [['a', 'b'], ['b', 'c'], ['a', 'd'], ['c', 'd', 1]]);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(cyclic.size).toBe(0);
    expect(diagnostics).toEqual([]);
  });

  it('reports a node that feeds itself on its own', () => {
    const { order, cyclic, diagnostics } = orderOf(convs('a', 'b'), [['a', 'b'], ['b', 'b', 1]]);
    expect(order).toEqual(['a']);
    expect([...cyclic]).toEqual(['b']);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'cycle', message: 'Node b feeds itself.', hint: 'Remove one of the edges that closes the loop.', nodes: ['b'] },
    ]);
  });

  it('reports a loop of several nodes once, in document order, and still orders the nodes after it', () => {
    const { order, cyclic, diagnostics } = orderOf(convs('x', 'a', 'b', 'c', 'd'), [['x', 'a'], ['a', 'b'], ['b', 'a', 1], ['b', 'c'], ['c', 'd']]);
    expect(order).toEqual(['x', 'c', 'd']);
    expect([...cyclic].sort()).toEqual(['a', 'b']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'cycle',
        message: 'Nodes a and b form a cycle; data must flow one way from the input to the output.',
        hint: 'Remove one of the edges that closes the loop.',
        nodes: ['a', 'b'],
      },
    ]);
  });

  it('keeps two loops apart when one feeds the other, upstream loop first', () => {
    const { order, diagnostics } = orderOf(convs('a', 'b', 'c', 'd'), [['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c'], ['c', 'a', 1]]);
    expect(order).toEqual([]);
    expect(diagnostics.map((d) => d.nodes)).toEqual([
      ['c', 'd'],
      ['a', 'b'],
    ]);
  });
});
