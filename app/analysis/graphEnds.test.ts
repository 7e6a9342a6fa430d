import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../design/types';
import { buildDesignGraph } from './designGraph';
import { checkEnds } from './graphEnds';
import { design } from './testing/designs';
import { topologicalOrder } from './topologicalOrder';

function ends(doc: DesignDocument): ReturnType<typeof checkEnds> {
  const graph = buildDesignGraph(doc);
  return checkEnds(doc, graph, topologicalOrder(graph).order);
}

describe('checkEnds', () => {
  it('takes the one node that feeds nothing as the output of a well-formed chain', () => {
    expect(ends(design([['input', 'input'], ['c', 'conv2d'], ['g', 'globalAvgPool']], [['input', 'c'], ['c', 'g']]))).toEqual({ output: 'g', diagnostics: [] });
  });

  it('reports a missing input node with the design input size, height first', () => {
    const { output, diagnostics } = ends(design([['c', 'conv2d'], ['g', 'globalAvgPool']], [['c', 'g']], [32, 48, 3]));
    expect(output).toBe('g');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'missing-input-node',
        message: 'The design has no input node; the network needs one for its 32×48×3 images.',
        hint: 'Add an Input node and connect it to the first layer.',
        nodes: [],
      },
    ]);
  });

  it('reports every input node when there are several, connected or not', () => {
    const { diagnostics } = ends(design([['i1', 'input'], ['i2', 'input'], ['c', 'conv2d'], ['i3', 'input']], [['i1', 'c']]));
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'multiple-input-nodes',
        message: 'The design has 3 input nodes (i1, i2 and i3); a network takes one image.',
        hint: 'Keep one Input node and delete the others.',
        nodes: ['i1', 'i2', 'i3'],
      },
    ]);
  });

  it('finds no output when nothing is connected: a lone node is not an end', () => {
    const { output, diagnostics } = ends(design([['input', 'input'], ['c', 'conv2d']], []));
    expect(output).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'no-output',
        message: 'The design has no output: no connected node is left free to give the result.',
        hint: 'Connect the layers from the input to a head (pooling → dense → softmax).',
        nodes: [],
      },
    ]);
  });

  it('takes the last loose end as the output and warns about the one before it', () => {
    const { output, diagnostics } = ends(design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d']], [['input', 'a'], ['input', 'b']]));
    expect(output).toBe('b');
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'multiple-outputs',
        message: 'Node a ends without feeding anything; the network output is taken from b.',
        hint: 'Connect the loose branch into the network (e.g. into a concatenation) or delete it.',
        nodes: ['a'],
      },
    ]);
  });

  it('names every loose end but the output when several branches end', () => {
    const { output, diagnostics } = ends(design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d']], [['input', 'a'], ['input', 'b'], ['input', 'c']]));
    expect(output).toBe('c');
    expect(diagnostics.map((d) => [d.code, d.message, d.nodes])).toEqual([
      ['multiple-outputs', 'Nodes a and b end without feeding anything; the network output is taken from c.', ['a', 'b']],
    ]);
  });
});
