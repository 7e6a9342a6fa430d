import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../design/types';
import { expandDesign } from './expandDesign';
import { design } from './testing/designs';
import type { EdgeRow, NodeRow } from './testing/designs';
import type { Diagnostic } from './types';

function expand(nodes: readonly NodeRow[], edges: readonly EdgeRow[]): ReturnType<typeof expandDesign> {
  return expandDesign(design(nodes, edges, [32, 32, 3]));
}

/** The diagnostics on one node, as a user reads them there. */
function on(diagnostics: readonly Diagnostic[], id: string): Pick<Diagnostic, 'severity' | 'code' | 'message' | 'hint' | 'nodes'>[] {
  return diagnostics.filter((d) => d.nodes.includes(id)).map(({ severity, code, message, hint, nodes }) => ({ severity, code, message, hint, nodes }));
}

describe('expandDesign: node types', () => {
  it('reports an unknown type on its node, quoted, and leaves the node out', () => {
    const { diagnostics, nodeLayers } = expand([['input', 'input'], ['x', 'conv3d'], ['g', 'globalAvgPool']], [['input', 'x'], ['x', 'g']]);
    expect(on(diagnostics, 'x')).toEqual([
      { severity: 'error', code: 'unknown-type', message: 'Node x has the unknown type "conv3d".', hint: 'Replace it with a layer or block from the palette.', nodes: ['x'] },
    ]);
    expect(nodeLayers.x).toEqual([]);
  });

  it('reports layer settings on a layer node, which has no layers inside, and still expands it', () => {
    const doc = design([['input', 'input'], ['c', 'conv2d'], ['g', 'globalAvgPool']], [['input', 'c'], ['c', 'g']]);
    const withOverrides: DesignDocument = { ...doc, nodes: doc.nodes.map((node) => (node.id === 'c' ? { ...node, overrides: { conv: { filters: 8 } } } : node)) };
    const { diagnostics, nodeLayers } = expandDesign(withOverrides);
    expect(on(diagnostics, 'c')).toEqual([
      {
        severity: 'error',
        code: 'unknown-layer',
        message: 'Node c (Convolution) has settings for layers inside it, but only a block has layers.',
        hint: 'Remove its overrides from the file.',
        nodes: ['c'],
      },
    ]);
    expect(nodeLayers.c).toEqual(['c']);
  });
});

describe('expandDesign: unconnected nodes', () => {
  it('warns about a lone layer and leaves it out, since it has no input to work on', () => {
    const { diagnostics, nodeLayers } = expand([['input', 'input'], ['c', 'conv2d'], ['g', 'globalAvgPool'], ['d', 'dense']], [['input', 'c'], ['c', 'g']]);
    expect(on(diagnostics, 'd')).toEqual([
      { severity: 'warning', code: 'unconnected-node', message: 'Node d (Fully connected) is not connected to anything.', hint: 'Connect it into the network or delete it.', nodes: ['d'] },
    ]);
    expect(nodeLayers.d).toEqual([]);
  });

  it('warns about a lone input node but still expands it, since it needs no input', () => {
    const { diagnostics, nodeLayers } = expand([['input', 'input']], []);
    expect(on(diagnostics, 'input')).toEqual([
      { severity: 'warning', code: 'unconnected-node', message: 'Node input (Input) is not connected to anything.', hint: 'Connect it into the network or delete it.', nodes: ['input'] },
    ]);
    expect(nodeLayers.input).toEqual(['input']);
  });
});

describe('expandDesign: input counts', () => {
  it('says how many more inputs a node with too few needs, singular or plural, exact or "at least"', () => {
    const { diagnostics, nodeLayers } = expand(
      [['input', 'input'], ['c', 'conv2d'], ['r', 'residualAdd'], ['j', 'concat'], ['k', 'concat'], ['g', 'globalAvgPool']],
      [['c', 'r'], ['input', 'j'], ['r', 'k'], ['j', 'k', 1], ['k', 'g']],
    );
    const tooFew = (id: string): [string, string][] => on(diagnostics, id).filter((d) => d.code === 'too-few-inputs').map((d) => [d.message, d.hint]);
    expect(tooFew('c')).toEqual([['Node c (Convolution) has 0 inputs but needs 1.', 'Connect 1 more input to it.']]);
    expect(tooFew('r')).toEqual([['Node r (Residual add) has 1 input but needs 2.', 'Connect 1 more input to it.']]);
    expect(tooFew('j')).toEqual([['Node j (Concatenate) has 1 input but needs at least 2.', 'Connect 1 more input to it.']]);
    expect(on(diagnostics, 'c')[0]).toMatchObject({ severity: 'error', nodes: ['c'] });
    expect(nodeLayers.c).toEqual([]);
    expect(nodeLayers.j).toEqual([]);
  });

  it('asks for two more inputs on a join that has none', () => {
    const { diagnostics } = expand([['input', 'input'], ['j', 'concat'], ['g', 'globalAvgPool']], [['j', 'g']]);
    expect(on(diagnostics, 'j')).toEqual([
      {
        severity: 'error',
        code: 'too-few-inputs',
        message: 'Node j (Concatenate) has 0 inputs but needs at least 2.',
        hint: 'Connect 2 more inputs to it.',
        nodes: ['j'],
      },
    ]);
  });

  it('tells a single-input layer with several inputs to join them first', () => {
    const { diagnostics, nodeLayers } = expand(
      [['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d']],
      [['input', 'a'], ['input', 'b'], ['a', 'c'], ['b', 'c', 1]],
    );
    expect(on(diagnostics, 'c')).toEqual([
      {
        severity: 'error',
        code: 'too-many-inputs',
        message: 'Node c (Convolution) has 2 inputs but takes at most 1.',
        hint: 'Join the inputs with a concatenation or a residual add first.',
        nodes: ['c'],
      },
    ]);
    expect(nodeLayers.c).toEqual([]);
  });

  it('tells a node with a fixed number of inputs how many edges to remove', () => {
    const { diagnostics } = expand(
      [['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d'], ['r', 'residualAdd']],
      [['input', 'a'], ['input', 'b'], ['input', 'c'], ['a', 'r'], ['b', 'r', 1], ['c', 'r', 2]],
    );
    expect(on(diagnostics, 'r').map((d) => [d.code, d.message, d.hint])).toEqual([
      ['too-many-inputs', 'Node r (Residual add) has 3 inputs but takes at most 2.', 'Remove 1 of its input edges.'],
    ]);
  });

  it('says an input node takes no inputs, in the singular for one edge', () => {
    const { diagnostics } = expand([['input', 'input'], ['c', 'conv2d'], ['i2', 'input']], [['input', 'c'], ['c', 'i2']]);
    expect(on(diagnostics, 'i2').filter((d) => d.code === 'too-many-inputs')).toEqual([
      { severity: 'error', code: 'too-many-inputs', message: 'Node i2 (Input) has 1 input but takes none.', hint: 'Remove 1 of its input edges.', nodes: ['i2'] },
    ]);
  });
});
