import { describe, expect, it } from 'vitest';
import { expandDesign } from './expandDesign';
import { chain } from './testing/designs';

describe('expandDesign', () => {
  it('turns a layer node into one layer named after the node, wired to its sources', () => {
    const { graph, nodeLayers, nodeOutputs } = expandDesign(chain([['c', 'conv2d', { filters: 8 }], ['g', 'globalAvgPool']], [32, 32, 3]));
    expect(graph.input).toEqual([32, 32, 3]);
    expect(graph.layers.map((layer) => [layer.id, layer.kind, layer.inputs])).toEqual([
      ['input', 'input', []],
      ['c', 'conv2d', ['input']],
      ['g', 'globalAvgPool', ['c']],
    ]);
    expect(graph.layers[1].params).toMatchObject({ filters: 8, kernel: [3, 3], padding: 'same' });
    expect(nodeLayers.c).toEqual(['c']);
    expect(nodeOutputs.g).toBe('g');
    expect(graph.output).toBe('g');
  });

  it('expands a block node into its template layers, all carrying the node id', () => {
    const { graph, nodeLayers, nodeOutputs, diagnostics } = expandDesign(chain([['a1', 'inceptionA']], [35, 35, 384]));
    expect(diagnostics).toEqual([]);
    expect(nodeLayers.a1.length).toBeGreaterThan(5);
    const blockLayers = graph.layers.filter((layer) => layer.nodeId === 'a1');
    expect(blockLayers.map((layer) => layer.id)).toEqual(nodeLayers.a1);
    expect(blockLayers.every((layer) => layer.id.startsWith('a1/'))).toBe(true);
    expect(nodeOutputs.a1).toBe(graph.output);
  });

  it('leaves out nodes whose sources could not be expanded', () => {
    const { nodeLayers, graph } = expandDesign(chain([['x', 'nope'], ['c', 'conv2d']]));
    expect(nodeLayers.x).toEqual([]);
    expect(nodeLayers.c).toEqual([]);
    expect(graph.output).toBeNull();
  });
});
