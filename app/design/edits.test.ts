import { describe, expect, it } from 'vitest';
import {
  addNode,
  connect,
  copyFragment,
  disconnect,
  edgeKey,
  freshId,
  insertAfter,
  moveNodes,
  nextPort,
  pasteFragment,
  removeNodes,
  renameNode,
  setParams,
} from './edits';
import { DESIGN_FORMAT, DESIGN_VERSION, type DesignDocument } from './types';

function doc(): DesignDocument {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'test',
    input: { height: 299, width: 299, channels: 3 },
    nodes: [
      { id: 'input', type: 'input', params: {}, position: { x: 0, y: 0 } },
      { id: 'a', type: 'conv2d', params: { filters: 32 }, position: { x: 0, y: 100 } },
      { id: 'b', type: 'maxPool', params: {}, position: { x: 100, y: 100 } },
      { id: 'cat', type: 'concat', params: {}, position: { x: 0, y: 200 } },
    ],
    edges: [
      { source: 'input', target: 'a', port: 0 },
      { source: 'input', target: 'b', port: 0 },
      { source: 'a', target: 'cat', port: 0 },
      { source: 'b', target: 'cat', port: 1 },
    ],
    notes: [],
  };
}

describe('freshId', () => {
  it('keeps a free base and numbers a taken one', () => {
    expect(freshId(new Set(['x']), 'conv2d')).toBe('conv2d');
    expect(freshId(new Set(['conv2d', 'conv2d2']), 'conv2d')).toBe('conv2d3');
    expect(freshId(new Set(), 'a b!')).toBe('ab');
  });
});

describe('addNode', () => {
  it('appends a node with a fresh id and leaves the input untouched', () => {
    const before = doc();
    const { document, id } = addNode(before, { type: 'conv2d', position: { x: 5, y: 6 } });
    expect(id).toBe('conv2d');
    expect(document.nodes).toHaveLength(5);
    expect(document.nodes.at(-1)).toStrictEqual({ id: 'conv2d', type: 'conv2d', params: {}, position: { x: 5, y: 6 } });
    expect(before.nodes).toHaveLength(4);
    expect(document.nodes[1]).toBe(before.nodes[1]);
  });

  it('renames a requested id that is taken', () => {
    expect(addNode(doc(), { id: 'a', type: 'dense', position: { x: 0, y: 0 } }).id).toBe('a2');
  });
});

describe('removeNodes', () => {
  it('drops the nodes, their edges, and closes up the ports they left', () => {
    const result = removeNodes(doc(), ['a']);
    expect(result.nodes.map((n) => n.id)).toEqual(['input', 'b', 'cat']);
    expect(result.edges).toEqual([
      { source: 'input', target: 'b', port: 0 },
      { source: 'b', target: 'cat', port: 0 },
    ]);
  });

  it('returns the same document when nothing matches', () => {
    const before = doc();
    expect(removeNodes(before, ['nope'])).toBe(before);
  });
});

describe('connect', () => {
  it('adds an edge at the requested port', () => {
    const before = doc();
    const added = addNode(before, { type: 'conv2d', position: { x: 0, y: 0 } });
    const result = connect(added.document, { source: 'input', target: added.id, port: 0 });
    expect(result.edges.at(-1)).toEqual({ source: 'input', target: 'conv2d', port: 0 });
  });

  it('replaces an edge already at that port', () => {
    const result = connect(doc(), { source: 'input', target: 'cat', port: 1 });
    expect(result.edges.filter((e) => e.target === 'cat')).toEqual([
      { source: 'a', target: 'cat', port: 0 },
      { source: 'input', target: 'cat', port: 1 },
    ]);
  });

  it('moves an existing edge of the same pair to the new port, keeping ports ordered', () => {
    const appended = connect(doc(), { source: 'a', target: 'cat', port: 2 });
    expect(appended.edges.filter((e) => e.target === 'cat').sort((x, y) => x.port - y.port)).toEqual([
      { source: 'b', target: 'cat', port: 0 },
      { source: 'a', target: 'cat', port: 1 },
    ]);
  });

  it('refuses self-loops, unknown nodes, bad ports and exact duplicates', () => {
    const before = doc();
    expect(connect(before, { source: 'a', target: 'a', port: 0 })).toBe(before);
    expect(connect(before, { source: 'zz', target: 'a', port: 0 })).toBe(before);
    expect(connect(before, { source: 'b', target: 'a', port: -1 })).toBe(before);
    expect(connect(before, { source: 'a', target: 'cat', port: 0 })).toBe(before);
  });

  it('nextPort is one past the highest port', () => {
    expect(nextPort(doc(), 'cat')).toBe(2);
    expect(nextPort(doc(), 'input')).toBe(0);
  });
});

describe('disconnect', () => {
  it('removes edges and renumbers the remaining ports', () => {
    const result = disconnect(doc(), [{ source: 'a', target: 'cat', port: 0 }]);
    expect(result.edges.filter((e) => e.target === 'cat')).toEqual([{ source: 'b', target: 'cat', port: 0 }]);
    expect(edgeKey(result.edges[2])).toBe('b->cat:0');
  });
});

describe('moveNodes', () => {
  it('moves listed nodes and keeps identity of the rest', () => {
    const before = doc();
    const result = moveNodes(before, new Map([['a', { x: 10, y: 20 }]]));
    expect(result.nodes[1].position).toEqual({ x: 10, y: 20 });
    expect(result.nodes[0]).toBe(before.nodes[0]);
    expect(moveNodes(before, new Map([['a', { x: 0, y: 100 }]]))).toBe(before);
  });
});

describe('setParams', () => {
  it('merges values, removes undefined ones, and is a no-op for equal values', () => {
    const before = doc();
    const result = setParams(before, 'a', { filters: 64, kernel: [3, 3] });
    expect(result.nodes[1].params).toEqual({ filters: 64, kernel: [3, 3] });
    expect(setParams(result, 'a', { kernel: [3, 3] })).toBe(result);
    expect(setParams(result, 'a', { kernel: undefined }).nodes[1].params).toEqual({ filters: 64 });
    expect(setParams(before, 'missing', { filters: 1 })).toBe(before);
    expect(before.nodes[1].params).toEqual({ filters: 32 });
  });
});

describe('copyFragment / pasteFragment', () => {
  it('copies internal edges only and pastes with fresh ids and offset', () => {
    const before = doc();
    const fragment = copyFragment(before, ['a', 'b', 'cat']);
    expect(fragment.edges).toHaveLength(2);
    const { document, ids } = pasteFragment(before, fragment, { x: 40, y: 40 });
    expect(ids).toEqual(['a2', 'b2', 'cat2']);
    expect(document.nodes.find((n) => n.id === 'a2')?.position).toEqual({ x: 40, y: 140 });
    expect(document.edges.slice(4)).toEqual([
      { source: 'a2', target: 'cat2', port: 0 },
      { source: 'b2', target: 'cat2', port: 1 },
    ]);
    const twice = pasteFragment(document, fragment, { x: 80, y: 80 });
    expect(twice.ids).toEqual(['a3', 'b3', 'cat3']);
  });
});

describe('insertAfter', () => {
  it('feeds the new node from the selected one and hands it the outgoing edges', () => {
    const { document, id } = insertAfter(doc(), 'a', { type: 'dropout', position: { x: 0, y: 150 } });
    expect(id).toBe('dropout');
    expect(document.edges).toContainEqual({ source: 'a', target: 'dropout', port: 0 });
    expect(document.edges).toContainEqual({ source: 'dropout', target: 'cat', port: 0 });
    expect(document.edges.some((e) => e.source === 'a' && e.target === 'cat')).toBe(false);
  });
});

describe('renameNode', () => {
  it('sets a label, and an empty or id-equal name removes it', () => {
    const named = renameNode(doc(), 'a', '  stem conv ');
    expect(named.nodes[1].label).toBe('stem conv');
    expect(renameNode(named, 'a', 'stem conv')).toBe(named);
    expect('label' in renameNode(named, 'a', '').nodes[1]).toBe(false);
    expect('label' in renameNode(named, 'a', 'a').nodes[1]).toBe(false);
    const plain = doc();
    expect(renameNode(plain, 'missing', 'x')).toBe(plain);
  });
});

describe('edits at their edges', () => {
  it('freshId strips what an id may not hold, falls back to node, and counts up from 2', () => {
    expect(freshId(new Set(), '!!')).toBe('node');
    expect(freshId(new Set(['node', 'node2']), '')).toBe('node3');
    expect(freshId(new Set(['a_b-c']), 'a_b-c')).toBe('a_b-c2');
  });

  it('addNode keeps a free requested id, the label, and copies of the params and position it was given', () => {
    const position = { x: 1, y: 2 };
    const { document, id } = addNode(doc(), { id: 'mine', type: 'dense', params: { units: 3 }, position, label: 'head' });
    expect(id).toBe('mine');
    expect(document.nodes.at(-1)).toEqual({ id: 'mine', type: 'dense', params: { units: 3 }, position: { x: 1, y: 2 }, label: 'head' });
    expect(document.nodes.at(-1)?.position).not.toBe(position);
    expect(addNode(doc(), { type: 'reductionBV4', position }).id).toBe('redB');
  });

  it('removeNodes renumbers a target’s remaining inputs by their ports, not by where the edges sit in the list', () => {
    const before: DesignDocument = {
      ...doc(),
      edges: [
        { source: 'b', target: 'cat', port: 3 },
        { source: 'input', target: 'cat', port: 2 },
        { source: 'a', target: 'cat', port: 0 },
        { source: 'input', target: 'b', port: 1 },
      ],
    };
    expect(removeNodes(before, ['b']).edges).toEqual([
      { source: 'input', target: 'cat', port: 1 },
      { source: 'a', target: 'cat', port: 0 },
    ]);
  });

  it('removeNodes leaves the ports of targets that lost no input as they are, gaps included', () => {
    const gapped: DesignDocument = {
      ...doc(),
      edges: [
        { source: 'input', target: 'a', port: 0 },
        { source: 'a', target: 'cat', port: 0 },
        { source: 'input', target: 'cat', port: 2 },
        { source: 'input', target: 'b', port: 1 },
      ],
    };
    const result = removeNodes(gapped, ['a']);
    expect(result.edges).toEqual([{ source: 'input', target: 'cat', port: 0 }, gapped.edges[3]]);
    expect(result.edges[1]).toBe(gapped.edges[3]);
    const noTarget = removeNodes(gapped, ['cat']);
    expect(noTarget.edges).toEqual([gapped.edges[0], gapped.edges[3]]);
    expect(noTarget.edges[1]).toBe(gapped.edges[3]);
  });

  it('removeNodes closes up only the ports of the targets that lost an input, keeping untouched edges', () => {
    const before = doc();
    const result = removeNodes(before, ['input']);
    expect(result.edges).toEqual([before.edges[2], before.edges[3]]);
    expect(result.edges[1]).toBe(before.edges[3]);
    const both = removeNodes(before, ['a', 'b']);
    expect(both.edges).toEqual([]);
    expect(both.nodes.map((node) => node.id)).toEqual(['input', 'cat']);
  });

  it('connect refuses a fractional port and keeps every other target’s ports as they are', () => {
    const before = doc();
    expect(connect(before, { source: 'b', target: 'a', port: 0.5 })).toBe(before);
    const result = connect(before, { source: 'b', target: 'a', port: 5 });
    expect(result.edges).toEqual([...before.edges, { source: 'b', target: 'a', port: 1 }]);
    expect(result.edges.slice(0, 4).every((edge, index) => edge === before.edges[index])).toBe(true);
  });

  it('disconnect leaves the document alone when no edge matches, and renumbers each target it touched', () => {
    const before = doc();
    expect(disconnect(before, [{ source: 'a', target: 'cat', port: 1 }])).toBe(before);
    const result = disconnect(before, [{ source: 'input', target: 'a', port: 0 }, { source: 'a', target: 'cat', port: 0 }]);
    expect(result.edges).toEqual([{ source: 'input', target: 'b', port: 0 }, { source: 'b', target: 'cat', port: 0 }]);
    expect(nextPort(result, 'cat')).toBe(1);
  });

  it('moveNodes moves a node when either coordinate changes', () => {
    const before = doc();
    expect(moveNodes(before, new Map([['a', { x: 0, y: 101 }]])).nodes[1].position).toEqual({ x: 0, y: 101 });
    expect(moveNodes(before, new Map([['a', { x: 1, y: 100 }]])).nodes[1].position).toEqual({ x: 1, y: 100 });
  });

  it('setParams compares pairs by every element and length, and removing an absent value changes nothing', () => {
    const before = setParams(doc(), 'a', { kernel: [3, 3] });
    expect(setParams(before, 'a', { kernel: [3, 5] }).nodes[1].params.kernel).toEqual([3, 5]);
    expect(setParams(before, 'a', { kernel: [3, 3, 3] }).nodes[1].params.kernel).toEqual([3, 3, 3]);
    expect(setParams(before, 'a', { kernel: 3 }).nodes[1].params.kernel).toBe(3);
    expect(setParams(before, 'a', { strides: undefined })).toBe(before);
    expect(setParams(before, 'a', { filters: 32 })).toBe(before);
  });

  it('pasteFragment drops edges that leave the fragment and numbers pasted ports from 0', () => {
    const before = doc();
    const fragment = { nodes: [before.nodes[2], before.nodes[3]], edges: [before.edges[1], before.edges[3]] };
    const { document, ids } = pasteFragment(before, fragment, { x: 0, y: 0 });
    expect(ids).toEqual(['b2', 'cat2']);
    expect(document.edges.slice(4)).toEqual([{ source: 'b2', target: 'cat2', port: 0 }]);
    expect(document.nodes.at(-1)?.position).toEqual({ x: 0, y: 200 });
  });

  it('insertAfter a node that is not there only adds the node; otherwise every outgoing edge keeps its port', () => {
    const before = doc();
    const alone = insertAfter(before, 'ghost', { type: 'dropout', position: { x: 0, y: 0 } });
    expect(alone.document.edges).toEqual(before.edges);
    const { document } = insertAfter(before, 'b', { type: 'dropout', position: { x: 0, y: 0 } });
    expect(document.edges).toEqual([before.edges[0], before.edges[1], before.edges[2], { source: 'dropout', target: 'cat', port: 1 }, { source: 'b', target: 'dropout', port: 0 }]);
  });

  it('setParams and renameNode edit the first node too', () => {
    const before = doc();
    expect(setParams(before, 'input', { note: 'x' }).nodes[0].params).toEqual({ note: 'x' });
    expect(renameNode(before, 'input', 'pixels').nodes[0].label).toBe('pixels');
  });

  it('renameNode keeps the same document when the label does not change, and trims before comparing with the id', () => {
    const plain = doc();
    expect(renameNode(plain, 'a', '  ')).toBe(plain);
    expect(renameNode(plain, 'a', ' a ')).toBe(plain);
    expect(renameNode(plain, 'a', 'A').nodes[1].label).toBe('A');
  });
});
