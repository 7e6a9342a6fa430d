import { describe, expect, it } from 'vitest';
import type { DesignDocument, LayerOverrides } from '../design/types';
import { analyze } from './analyze';
import { layerPath, templateLayerParams } from './layerOverrides';
import { chain } from './testing/designs';

/** input → Inception-A → Inception-A (both at width 0.25 on a 35×35×96 input), with overrides on the first. */
function twoBlocks(overrides?: LayerOverrides): DesignDocument {
  const doc = chain(
    [
      ['a1', 'inceptionA', { width: 0.25 }],
      ['a2', 'inceptionA', { width: 0.25 }],
    ],
    [35, 35, 96],
  );
  return overrides === undefined ? doc : { ...doc, nodes: doc.nodes.map((node) => (node.id === 'a1' ? { ...node, overrides } : node)) };
}

describe('custom blocks: per-layer settings of one block node', () => {
  const plain = analyze(twoBlocks());

  it('changes only that block: its layer, its output, its costs; the other instance is untouched', () => {
    const custom = analyze(twoBlocks({ 'branch1/conv2': { filters: 40, kernel: [5, 5] } }));
    expect(custom.diagnostics).toEqual([]);
    const layer = custom.graph.layers.find((l) => l.id === 'a1/branch1/conv2');
    expect(layer?.kind === 'conv2d' && layer.params).toMatchObject({ filters: 40, kernel: [5, 5], strides: [1, 1], padding: 'same', activation: 'relu' });
    // Template width 96 × 0.25 = 24 → 40: the concat grows by 16 channels.
    expect(plain.nodes.a1.output).toEqual([35, 35, 96]);
    expect(custom.nodes.a1.output).toEqual([35, 35, 112]);
    expect(custom.layers['a1/branch1/conv2'].cost.trainable).toBe(5 * 5 * 16 * 40 + 2 * 40);
    expect(custom.totals.total).toBeGreaterThan(plain.totals.total);
    expect(custom.graph.layers.find((l) => l.id === 'a2/branch1/conv2')).toEqual(plain.graph.layers.find((l) => l.id === 'a2/branch1/conv2'));
  });

  it('reports a value the layer kind refuses, where it is, and keeps the template value', () => {
    const custom = analyze(twoBlocks({ 'branch1/conv1': { filters: 0, padding: 'full' } }));
    const problems = custom.diagnostics.filter((d) => d.code === 'invalid-param');
    expect(problems.map((d) => [d.layer, d.nodes])).toEqual([
      ['a1/branch1/conv1', ['a1']],
      ['a1/branch1/conv1', ['a1']],
    ]);
    expect(problems[0].message).toMatch(/^Layer a1\/branch1\/conv1 of block a1: .*filters/);
    expect(custom.nodes.a1.output).toEqual(plain.nodes.a1.output);
  });

  it('reports settings for a layer the template does not have, and layer settings on a plain layer node', () => {
    const ghost = analyze(twoBlocks({ 'branch9/conv1': { filters: 8 } }));
    expect(ghost.diagnostics.map((d) => [d.code, d.nodes[0]])).toEqual([['unknown-layer', 'a1']]);
    expect(ghost.diagnostics[0].message).toContain('branch9/conv1');
    const conv = chain([['c1', 'conv2d', { filters: 8 }]], [35, 35, 3]);
    const onLayer = analyze({ ...conv, nodes: conv.nodes.map((n) => (n.id === 'c1' ? { ...n, overrides: { x: { filters: 4 } } } : n)) });
    expect(onLayer.diagnostics.map((d) => d.code)).toContain('unknown-layer');
  });

  it('tells the settings the template gives a layer, whatever the overrides say', () => {
    const node = twoBlocks({ 'branch2/conv2': { filters: 40 } }).nodes[1];
    expect(templateLayerParams(node, 'branch2/conv2')).toMatchObject({ filters: 24, kernel: [3, 3] });
    expect(templateLayerParams(node, 'nope')).toBeUndefined();
    expect(templateLayerParams({ ...node, type: 'conv2d' }, 'branch2/conv2')).toBeUndefined();
  });
});

describe('custom blocks: severity, hints and layer paths', () => {
  it('refuses a bad value as an error but only warns of a setting the layer kind does not have', () => {
    const custom = analyze(twoBlocks({ 'branch1/conv1': { filters: 0, dilation: 2 } }));
    expect(custom.diagnostics.map((d) => [d.severity, d.code, d.layer])).toEqual([
      ['error', 'invalid-param', 'a1/branch1/conv1'],
      ['warning', 'unknown-param', 'a1/branch1/conv1'],
    ]);
  });

  it('tells how to be rid of settings for a layer the template does not have', () => {
    const [ghost] = analyze(twoBlocks({ 'branch9/conv1': { filters: 8 } })).diagnostics;
    expect(ghost).toEqual({
      severity: 'error',
      code: 'unknown-layer',
      message: 'Block a1 has settings for a layer branch9/conv1, which its template does not have.',
      hint: 'Revert the block to its template, or remove overrides.branch9/conv1 from the file.',
      nodes: ['a1'],
    });
  });

  it('takes the node id off a layer id only as a whole path segment', () => {
    expect(layerPath({ id: 'a1/branch1/conv1', nodeId: 'a1' })).toBe('branch1/conv1');
    expect(layerPath({ id: 'a10/conv', nodeId: 'a1' })).toBe('a10/conv');
    expect(layerPath({ id: 'c1', nodeId: 'c1' })).toBe('c1');
  });
});
