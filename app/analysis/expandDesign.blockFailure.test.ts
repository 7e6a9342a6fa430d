import { describe, expect, it, vi } from 'vitest';
import { expandDesign } from './expandDesign';
import { chain } from './testing/designs';

// A template that cannot be expanded is a bug in the block library; the analysis must report it
// on the node and go on, not throw out of the whole design.
vi.mock('../blocks/expand', () => ({
  expandBlock: () => {
    throw new Error("block parameter 'k' must be a number, got \"x\"");
  },
}));

describe('expandDesign: a block whose template fails to expand', () => {
  it('reports the reason on the block node and leaves the node out', () => {
    const { diagnostics, nodeLayers, graph } = expandDesign(chain([['a1', 'inceptionA'], ['g', 'globalAvgPool']], [35, 35, 384]));
    expect(diagnostics.filter((d) => d.nodes.includes('a1'))).toEqual([
      {
        severity: 'error',
        code: 'invalid-param',
        message: 'Block a1 (Inception-A) cannot be expanded: block parameter \'k\' must be a number, got "x".',
        hint: 'Check the block parameters.',
        nodes: ['a1'],
      },
    ]);
    expect(nodeLayers.a1).toEqual([]);
    expect(nodeLayers.g).toEqual([]);
    expect(graph.output).toBeNull();
  });
});
