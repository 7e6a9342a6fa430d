import { describe, expect, it } from 'vitest';
import type { Layer, LayerGraph } from '../layers/types';
import { inferShapes } from './inferShapes';

const input: Layer = { id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] };
const softmax = (id: string, inputs: string[]): Layer => ({ id, nodeId: 'blk', kind: 'softmax', params: {}, inputs });
const concat = (id: string, inputs: string[]): Layer => ({ id, nodeId: 'blk', kind: 'concat', params: {}, inputs });
const graph = (...layers: Layer[]): LayerGraph => ({ input: [4, 6, 2], layers: [input, ...layers], output: layers.at(-1)?.id ?? null });

describe('inferShapes: a layer a block template wired wrongly', () => {
  it('reports too many inputs with the most it takes, and leaves the layer and what follows unknown', () => {
    const shapes = inferShapes(graph(softmax('blk/a', ['input', 'input']), softmax('blk/b', ['blk/a'])), [4, 6, 2]);
    expect(shapes.problems.map(({ code, message, hint, layer }) => ({ code, message, hint, layer: layer.id }))).toEqual([
      { code: 'too-many-inputs', message: 'Layer blk/a (Softmax) has 2 inputs but needs at most 1.', hint: 'The block template wires this layer wrongly; report it.', layer: 'blk/a' },
    ]);
    expect([...shapes.outputs.keys()]).toEqual(['input']);
    expect(shapes.inputs.has('blk/a')).toBe(false);
  });

  it('reports too few inputs with the least it needs; no upper limit means any number more is fine', () => {
    const few = inferShapes(graph(concat('blk/cat', ['input'])), [4, 6, 2]);
    expect(few.problems.map(({ code, message }) => [code, message])).toEqual([['too-few-inputs', 'Layer blk/cat (Concatenate) has 1 inputs but needs at least 2.']]);
    const many = inferShapes(graph(concat('blk/cat', ['input', 'input', 'input'])), [4, 6, 2]);
    expect(many.problems).toEqual([]);
    expect(many.outputs.get('blk/cat')).toEqual([4, 6, 6]);
  });

  it('accepts exactly the number of inputs a layer takes', () => {
    const shapes = inferShapes(graph(concat('blk/cat', ['input', 'input']), softmax('blk/s', ['blk/cat'])), [4, 6, 2]);
    expect(shapes.problems).toEqual([]);
    expect(shapes.outputs.get('blk/s')).toEqual([4, 6, 4]);
    expect(shapes.inputs.get('blk/s')).toEqual([[4, 6, 4]]);
  });

  it('infers nothing when the design input is unusable', () => {
    const shapes = inferShapes(graph(softmax('blk/s', ['input'])), undefined);
    expect(shapes.outputs.size).toBe(0);
    expect(shapes.problems).toEqual([]);
  });
});
