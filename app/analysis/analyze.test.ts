import { describe, expect, it } from 'vitest';
import { analyze, formatProvenance } from './analyze';
import { chain, design, stemChain } from './testing/designs';
import type { Analysis, DiagnosticCode } from './types';

const codes = (analysis: Analysis): DiagnosticCode[] => analysis.diagnostics.map((d) => d.code);
const only = (analysis: Analysis, code: DiagnosticCode) => {
  const found = analysis.diagnostics.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('analyze: a clean design', () => {
  const analysis = analyze(stemChain());

  it('has no diagnostics and infers every shape', () => {
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.c1.output).toEqual([149, 149, 32]);
    expect(analysis.nodes.p1.output).toEqual([73, 73, 64]);
    expect(analysis.nodes.redB.output).toEqual([8, 8, 1536]);
    expect(analysis.nodes.pool.output).toEqual([1536]);
    expect(analysis.output).toEqual([1000]);
    expect(analysis.edges['c1->c2:0']).toEqual([149, 149, 32]);
    expect(analysis.nodes.c2.inputs).toEqual([[149, 149, 32]]);
    expect(analysis.order[0]).toBe('input');
  });

  it('sums costs per node and in total', () => {
    expect(analysis.nodes.c1.cost).toEqual({ trainable: 3 * 3 * 3 * 32 + 32, nonTrainable: 64, macs: 149 * 149 * 3 * 3 * 3 * 32 });
    expect(analysis.nodes.logits.cost.trainable).toBe(1536 * 1000 + 1000);
    const nodeSum = Object.values(analysis.nodes).reduce((sum, node) => sum + node.cost.trainable, 0);
    expect(analysis.totals.trainable).toBe(nodeSum);
    expect(analysis.totals.total).toBe(analysis.totals.trainable + analysis.totals.nonTrainable);
    expect(analysis.nodes.c1.activationBytes).toBe(149 * 149 * 32 * 4);
    expect(analysis.nodes.input.activationBytes).toBe(299 * 299 * 3 * 4);
  });

  it('explains each grid by the steps from the input', () => {
    expect(formatProvenance(analysis.nodes.c4.provenance)).toBe('299 →3×3/2 valid→ 149 →3×3 valid→ 147 →max 3×3/2 valid→ 73 →3×3 valid→ 71');
    expect(analysis.nodes.c3.provenance.map((step) => step.layerId)).toEqual(['c1', 'c2']);
    expect(analysis.nodes.c1.provenance[0].formula).toBe('floor((299 − 3) / 2) + 1 = 149');
    expect(formatProvenance(analysis.nodes.input.provenance)).toBe('');
  });

  it('shows non-square grids as h×w', () => {
    const wide = analyze(chain([['c', 'conv2d', { kernel: [1, 7], padding: 'valid' }]], [20, 30, 3]));
    expect(formatProvenance(wide.nodes.c.provenance)).toBe('20×30 →1×7 valid→ 20×24');
  });
});

describe('analyze: diagnostics', () => {
  it('grid-collapsed names the layer and the smallest square input that works', () => {
    const d = only(analyze(stemChain([74, 74, 3])), 'grid-collapsed');
    expect(d.nodes).toEqual(['redB']);
    expect(d.message).toContain('redB');
    expect(d.hint).toContain('75×75');
    expect(d.fix).toEqual({ kind: 'input-size', label: 'Set input to 75×75', height: 75, width: 75 });
  });

  it('concat-grid-mismatch names both shapes and the port', () => {
    const doc = design(
      [['input', 'input'], ['a', 'conv2d', { strides: [2, 2], padding: 'valid' }], ['b', 'conv2d'], ['cat', 'concat'], ['out', 'globalAvgPool']],
      [['input', 'a'], ['input', 'b'], ['b', 'cat', 0], ['a', 'cat', 1], ['cat', 'out']],
    );
    const d = only(analyze(doc), 'concat-grid-mismatch');
    expect(d.message).toContain('port 0 is 299×299×64 but port 1 is 149×149×64');
    expect(d.nodes).toEqual(['cat']);
    expect(d.edges).toEqual(['b->cat:0', 'a->cat:1']);
  });

  it('residual-shape-mismatch names both shapes and carries on with the shortcut', () => {
    const doc = design(
      [['input', 'input'], ['body', 'conv2d', { filters: 4 }], ['add', 'residualAdd'], ['after', 'conv2d', { filters: 8 }]],
      [['input', 'add', 0], ['input', 'body'], ['body', 'add', 1], ['add', 'after']],
      [8, 8, 3],
    );
    const analysis = analyze(doc);
    expect(only(analysis, 'residual-shape-mismatch').message).toContain('8×8×3 but the branch (port 1) is 8×8×4 (3 vs 4 channels)');
    expect(analysis.nodes.after.output).toEqual([8, 8, 8]);
  });

  it('cycle names the nodes on it and the rest is still analysed', () => {
    const doc = design(
      [['input', 'input'], ['a', 'conv2d'], ['b', 'concat'], ['c', 'conv2d'], ['after', 'conv2d']],
      [['input', 'a'], ['a', 'b', 0], ['c', 'b', 1], ['b', 'c'], ['c', 'after']],
    );
    const analysis = analyze(doc);
    const d = only(analysis, 'cycle');
    expect(d.nodes).toEqual(['b', 'c']);
    expect(analysis.order).toEqual(['input', 'a', 'after']);
    expect(analysis.nodes.a.output).toEqual([299, 299, 64]);
    expect(analysis.nodes.after.output).toBeUndefined();
  });

  it('a self-loop is a cycle', () => {
    expect(only(analyze(design([['input', 'input'], ['a', 'conv2d']], [['input', 'a'], ['a', 'a', 1]])), 'cycle').nodes).toEqual(['a']);
  });

  it('too-few-inputs and too-many-inputs', () => {
    const few = design([['input', 'input'], ['add', 'residualAdd']], [['input', 'add']]);
    expect(only(analyze(few), 'too-few-inputs').message).toBe('Node add (Residual add) has 1 input but needs 2.');
    const many = design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d']], [['input', 'a'], ['input', 'b', 0], ['a', 'b', 1]]);
    expect(only(analyze(many), 'too-many-inputs').nodes).toEqual(['b']);
  });

  it('unconnected-node', () => {
    const doc = chain([['a', 'conv2d']]);
    const analysis = analyze({ ...doc, nodes: [...doc.nodes, { id: 'lost', type: 'dense', params: {}, position: { x: 0, y: 0 } }] });
    expect(only(analysis, 'unconnected-node')).toMatchObject({ severity: 'warning', nodes: ['lost'] });
    expect(codes(analysis)).not.toContain('multiple-outputs');
  });

  it('no-output and multiple-outputs', () => {
    expect(codes(analyze(design([['input', 'input']], [])))).toEqual(['unconnected-node', 'no-output']);
    const doc = design([['input', 'input'], ['dead', 'conv2d'], ['a', 'conv2d'], ['b', 'conv2d']], [['input', 'dead'], ['input', 'a'], ['a', 'b']]);
    const analysis = analyze(doc);
    expect(only(analysis, 'multiple-outputs').nodes).toEqual(['dead']);
    expect(analysis.graph.output).toBe('b');
  });

  it('dense-on-spatial suggests global pooling', () => {
    const d = only(analyze(chain([['fc', 'dense', { units: 10 }]], [8, 8, 3])), 'dense-on-spatial');
    expect(d.message).toContain('8×8×3');
    expect(d.hint).toContain('global average pool');
  });

  it('needs-feature-map for a convolution after the head', () => {
    expect(only(analyze(chain([['g', 'globalAvgPool'], ['c', 'conv2d']])), 'needs-feature-map').nodes).toEqual(['c']);
  });

  it('invalid-param and unknown-param, analysis going on with defaults', () => {
    const analysis = analyze(chain([['c', 'conv2d', { filters: -1, dilation: 2 }]]));
    expect(only(analysis, 'invalid-param')).toMatchObject({ severity: 'error', nodes: ['c'] });
    expect(only(analysis, 'unknown-param')).toMatchObject({ severity: 'warning', nodes: ['c'] });
    expect(analysis.nodes.c.output).toEqual([299, 299, 64]);
  });

  it('invalid design input size', () => {
    const analysis = analyze(chain([['c', 'conv2d']], [0, 299, 3]));
    expect(only(analysis, 'invalid-param').nodes).toEqual(['input']);
    expect(analysis.nodes.c.output).toBeUndefined();
  });

  it('unknown-type', () => {
    const analysis = analyze(chain([['x', 'inceptionZ'], ['c', 'conv2d']]));
    expect(only(analysis, 'unknown-type').message).toContain('"inceptionZ"');
    expect(analysis.nodes.c.output).toBeUndefined();
  });

  it('duplicate-port keeps the first edge', () => {
    const doc = design([['input', 'input'], ['a', 'conv2d'], ['b', 'conv2d'], ['cat', 'concat']], [['input', 'a'], ['input', 'b'], ['a', 'cat', 0], ['b', 'cat', 0]]);
    const d = only(analyze(doc), 'duplicate-port');
    expect(d.nodes).toEqual(['cat', 'b']);
    expect(d.edges).toEqual(['a->cat:0', 'b->cat:0']);
  });

  it('orders inputs by port, not by edge order', () => {
    const doc = design(
      [['input', 'input'], ['a', 'conv2d', { filters: 5 }], ['b', 'conv2d', { filters: 7 }], ['cat', 'concat']],
      [['input', 'a'], ['input', 'b'], ['a', 'cat', 3], ['b', 'cat', 1]],
    );
    const analysis = analyze(doc);
    expect(analysis.graph.layers.find((layer) => layer.id === 'cat')?.inputs).toEqual(['b', 'a']);
    expect(analysis.nodes.cat.inputs).toEqual([[299, 299, 7], [299, 299, 5]]);
  });

  it('missing-input-node and multiple-input-nodes', () => {
    expect(codes(analyze(design([['a', 'conv2d'], ['b', 'conv2d']], [['a', 'b']])))).toContain('missing-input-node');
    const two = design([['in1', 'input'], ['in2', 'input'], ['cat', 'concat']], [['in1', 'cat', 0], ['in2', 'cat', 1]]);
    const analysis = analyze(two);
    expect(only(analysis, 'multiple-input-nodes').nodes).toEqual(['in1', 'in2']);
    expect(analysis.output).toEqual([299, 299, 6]);
  });

  it('dangling-edge', () => {
    const d = only(analyze(design([['input', 'input'], ['a', 'conv2d']], [['input', 'a'], ['a', 'ghost']])), 'dangling-edge');
    expect(d).toMatchObject({ nodes: ['a'], edges: ['a->ghost:0'] });
    expect(d.message).toContain('ghost');
  });

  it('duplicate-node-id keeps the first node', () => {
    const doc = chain([['a', 'conv2d']]);
    const analysis = analyze({ ...doc, nodes: [...doc.nodes, { id: 'a', type: 'dense', params: {}, position: { x: 0, y: 0 } }] });
    expect(only(analysis, 'duplicate-node-id').nodes).toEqual(['a']);
    expect(analysis.nodes.a.output).toEqual([299, 299, 64]);
  });
});
