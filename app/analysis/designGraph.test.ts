import { describe, expect, it } from 'vitest';
import { buildDesignGraph } from './designGraph';
import { design } from './testing/designs';

const targets = (edges: readonly { target: string }[] | undefined): string[] => (edges ?? []).map((edge) => edge.target);
const sources = (edges: readonly { source: string }[] | undefined): string[] => (edges ?? []).map((edge) => edge.source);

describe('buildDesignGraph', () => {
  it('keeps the first of two nodes with one id and reports the second on that id', () => {
    const graph = buildDesignGraph(design([['input', 'input'], ['a', 'conv2d'], ['a', 'dense']], [['input', 'a']]));
    expect(graph.nodes.get('a')?.type).toBe('conv2d');
    expect([...graph.nodes.keys()]).toEqual(['input', 'a']);
    expect(graph.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'duplicate-node-id',
        message: 'Two nodes share the id a; the second (dense) is ignored.',
        hint: 'Give every node its own id.',
        nodes: ['a'],
      },
    ]);
  });

  it('drops an edge to a missing node and points at the end that exists', () => {
    const graph = buildDesignGraph(design([['input', 'input'], ['a', 'conv2d']], [['input', 'a'], ['input', 'ghost', 2], ['ghost', 'a', 1]]));
    expect(graph.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'dangling-edge',
        message: 'Edge input->ghost:2 refers to node ghost, which does not exist.',
        hint: 'Delete the edge or reconnect it to existing nodes.',
        nodes: ['input'],
        edges: ['input->ghost:2'],
      },
      {
        severity: 'error',
        code: 'dangling-edge',
        message: 'Edge ghost->a:1 refers to node ghost, which does not exist.',
        hint: 'Delete the edge or reconnect it to existing nodes.',
        nodes: ['a'],
        edges: ['ghost->a:1'],
      },
    ]);
    expect(targets(graph.outgoing.get('input'))).toEqual(['a']);
    expect(sources(graph.incoming.get('a'))).toEqual(['input']);
  });

  it('names both missing ends of an edge in the plural and points at no node', () => {
    const graph = buildDesignGraph(design([['input', 'input']], [['x', 'y']]));
    expect(graph.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'dangling-edge',
        message: 'Edge x->y:0 refers to node x and node y, which do not exist.',
        hint: 'Delete the edge or reconnect it to existing nodes.',
        nodes: [],
        edges: ['x->y:0'],
      },
    ]);
  });

  it('orders edges into a node by port, whatever their order in the document', () => {
    const graph = buildDesignGraph(
      design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d'], ['j', 'concat']], [['input', 'a'], ['input', 'b'], ['input', 'c'], ['c', 'j', 2], ['a', 'j', 0], ['b', 'j', 1]]),
    );
    expect(graph.diagnostics).toEqual([]);
    expect(graph.incoming.get('j')?.map((edge) => [edge.source, edge.port])).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    expect(targets(graph.outgoing.get('input'))).toEqual(['a', 'b', 'c']);
  });

  it('keeps the first of two edges into one port and drops the second from both ends', () => {
    const graph = buildDesignGraph(design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['j', 'concat']], [['input', 'a'], ['input', 'b'], ['a', 'j', 1], ['b', 'j', 1]]));
    expect(graph.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'duplicate-port',
        message: 'Node j has two edges into port 1 (from a and from b); the one from b is ignored.',
        hint: 'Connect b to a free port of j.',
        nodes: ['j', 'b'],
        edges: ['a->j:1', 'b->j:1'],
      },
    ]);
    expect(sources(graph.incoming.get('j'))).toEqual(['a']);
    expect(targets(graph.outgoing.get('a'))).toEqual(['j']);
    expect(targets(graph.outgoing.get('b'))).toEqual([]);
  });
});
