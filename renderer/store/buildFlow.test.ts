import { describe, expect, it } from 'vitest';
import { connect } from '../../app/design/edits';
import type { DesignDocument } from '../../app/design/types';
import { emptyDesign } from '../documents/emptyDesign';
import { buildFlow, type FlowInput } from './buildFlow';
import { defaultDeps } from './defaultDeps';

function input(document: DesignDocument, extra: Partial<FlowInput> = {}): FlowInput {
  return {
    document,
    analysis: defaultDeps.analyze(document),
    selection: new Set(),
    selectedEdges: new Set(),
    expanded: new Set(),
    selectedLayer: null,
    nodeType: defaultDeps.nodeType,
    ...extra,
  };
}

function branchy(): DesignDocument {
  const base = emptyDesign();
  const doc: DesignDocument = {
    ...base,
    nodes: [
      ...base.nodes,
      { id: 'pool', type: 'maxPool', params: { strides: [2, 2], padding: 'valid' }, position: { x: 0, y: 100 } },
      { id: 'cat', type: 'concat', params: {}, position: { x: 0, y: 200 } },
    ],
  };
  return [
    { source: 'input', target: 'pool', port: 0 },
    { source: 'pool', target: 'cat', port: 0 },
    { source: 'input', target: 'cat', port: 1 },
  ].reduce(connect, doc);
}

describe('buildFlow', () => {
  it('gives a concatenation one port per input plus a free one, and single-input layers one', () => {
    const { nodes } = buildFlow(input(branchy()), { nodes: [], edges: [], offsets: new Map() });
    const cat = nodes.find((n) => n.id === 'cat');
    expect(cat?.data).toMatchObject({ ports: 3, connected: 2 });
    expect(nodes.find((n) => n.id === 'pool')?.data).toMatchObject({ ports: 1, connected: 1, keyParams: 'pool 3×3 · strides 2×2 · padding valid' });
    expect(nodes.find((n) => n.id === 'input')?.data).toMatchObject({ ports: 0 });
  });

  it('marks the node a diagnostic names first and the edges it lists', () => {
    const { nodes, edges } = buildFlow(input(branchy()), { nodes: [], edges: [], offsets: new Map() });
    expect(nodes.find((n) => n.id === 'cat')?.data.severity).toBe('error');
    expect(nodes.find((n) => n.id === 'pool')?.data.severity).toBeNull();
    const flagged = edges.filter((e) => e.data?.error).map((e) => e.id);
    expect(flagged).toEqual(['pool->cat:0', 'input->cat:1']);
    expect(edges.find((e) => e.id === 'pool->cat:0')).toMatchObject({ targetHandle: 'in-0', data: { label: '149×149×3' } });
  });

  it('returns the previous objects when nothing changed, and new ones only for what did', () => {
    const first = buildFlow(input(branchy()), { nodes: [], edges: [], offsets: new Map() });
    const same = buildFlow(input(branchy()), first);
    expect(same.nodes.every((n, i) => n === first.nodes[i])).toBe(true);
    expect(same.edges.every((e, i) => e === first.edges[i])).toBe(true);
    const selected = buildFlow(input(branchy(), { selection: new Set(['pool']) }), first);
    expect(selected.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual(['pool']);
  });

  it('marks a custom block on its node and its changed layers, and the selected layer, re-rendering only those', () => {
    const base = emptyDesign();
    const plain: DesignDocument = connect(
      { ...base, nodes: [...base.nodes, { id: 'a1', type: 'inceptionA', params: {}, position: { x: 0, y: 100 } }] },
      { source: 'input', target: 'a1', port: 0 },
    );
    const custom: DesignDocument = { ...plain, nodes: plain.nodes.map((n) => (n.id === 'a1' ? { ...n, overrides: { 'branch1/conv2': { filters: 8 } } } : n)) };
    const open = { expanded: new Set(['a1']) };
    const first = buildFlow(input(plain, open), { nodes: [], edges: [], offsets: new Map() });
    const block = (flow: typeof first) => flow.nodes.find((n) => n.id === 'a1');
    const layer = (flow: typeof first, path: string) => flow.nodes.find((n) => n.id === `layer:a1/${path}`);
    expect(block(first)?.data.customLayers).toBe(0);
    const edited = buildFlow(input(custom, open), first);
    expect(block(edited)?.data.customLayers).toBe(1);
    expect(layer(edited, 'branch1/conv2')?.data).toMatchObject({ custom: true, selected: false });
    expect(layer(edited, 'branch1/conv1')).toBe(layer(first, 'branch1/conv1'));
    const picked = buildFlow(input(custom, { ...open, selectedLayer: 'a1/branch0/conv1' }), edited);
    expect(layer(picked, 'branch0/conv1')?.data).toMatchObject({ selected: true, custom: false });
    expect(picked.nodes.filter((n, i) => n !== edited.nodes[i]).map((n) => n.id)).toEqual(['layer:a1/branch0/conv1']);
  });
});
