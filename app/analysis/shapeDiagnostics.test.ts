import { describe, expect, it } from 'vitest';
import type { DesignEdge } from '../design/types';
import { conv2dParams } from '../layers/testing/conv2dParams';
import type { Layer, LayerGraph } from '../layers/types';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import type { ShapeProblem } from './inferShapes';
import { shapeDiagnostics } from './shapeDiagnostics';

const input: Layer = { id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] };
const conv = (id: string, nodeId: string, kernel: number): Layer => ({ id, nodeId, kind: 'conv2d', params: conv2dParams({ kernel: [kernel, kernel], strides: [1, 1] }), inputs: ['input'] });
/** A 4×4 input into a 5×5 valid convolution: the smallest square input that works is 5×5. */
const graph = (kernel = 5): LayerGraph => ({ input: [4, 4, 3], layers: [input, conv('blk/x', 'blk', kernel)], output: 'blk/x' });
const problem = (code: string, id: string, nodeId = id): ShapeProblem => ({ code, message: `${code} at ${id}.`, hint: `Fix ${id}.`, layer: conv(id, nodeId, 5) });
const noEdges = new Map<string, DesignEdge[]>();

describe('shapeDiagnostics', () => {
  it('names every parallel branch of a block where the grid collapses, once, with the input that works', () => {
    const diagnostics = analyze(buildPreset('inception-v4', { input: 74 })).diagnostics;
    expect(diagnostics).toStrictEqual([
      {
        severity: 'error',
        code: 'grid-collapsed',
        message:
          'In redB: Convolution redB/branch0/conv2 (3×3/2 valid) on a 2×2 grid leaves 0×0: floor((2 − 3) / 2) + 1 = 0. The grid also collapses at redB/branch1/conv4 and redB/branch2/pool.',
        nodes: ['redB'],
        hint: 'The grid is too small for this layer: use a larger input, SAME padding, or fewer reductions. The smallest square input that keeps every grid at least 1×1 is 75×75 (the design uses 74×74).',
        layer: 'redB/branch0/conv2',
        fix: { kind: 'input-size', label: 'Set input to 75×75', height: 75, width: 75 },
      },
    ]);
  });

  it('keeps a problem other than a collapse as it is: its own hint, no input fix, no edges when the node has none', () => {
    const [d] = shapeDiagnostics([problem('concat-grid-mismatch', 'cat')], graph(), noEdges);
    expect(d).toStrictEqual({ severity: 'error', code: 'concat-grid-mismatch', message: 'concat-grid-mismatch at cat.', nodes: ['cat'], hint: 'Fix cat.' });
  });

  it('points a plain node at the edges into it, and a layer inside a block at the layer', () => {
    const incoming = new Map<string, DesignEdge[]>([['cat', [{ source: 'a', target: 'cat', port: 1 }]]]);
    const [plain, inBlock] = shapeDiagnostics([problem('concat-grid-mismatch', 'cat'), problem('concat-grid-mismatch', 'blk/cat', 'blk')], graph(), incoming);
    expect(plain.edges).toEqual(['a->cat:1']);
    expect(inBlock).toStrictEqual({ severity: 'error', code: 'concat-grid-mismatch', message: 'In blk: concat-grid-mismatch at blk/cat.', nodes: ['blk'], hint: 'Fix blk/cat.', layer: 'blk/cat' });
  });

  it('folds only collapses of the same node together; other problems there and collapses elsewhere stay apart', () => {
    const diagnostics = shapeDiagnostics(
      [
        problem('residual-shape-mismatch', 'blk/add', 'blk'),
        problem('grid-collapsed', 'blk/x', 'blk'),
        problem('concat-grid-mismatch', 'blk/cat', 'blk'),
        problem('grid-collapsed', 'blk/y', 'blk'),
        problem('grid-collapsed', 'other/z', 'other'),
        problem('grid-collapsed', 'blk/w', 'blk'),
      ],
      graph(),
      noEdges,
    );
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['residual-shape-mismatch', 'In blk: residual-shape-mismatch at blk/add.'],
      ['grid-collapsed', 'In blk: grid-collapsed at blk/x. The grid also collapses at blk/y and blk/w.'],
      ['concat-grid-mismatch', 'In blk: concat-grid-mismatch at blk/cat.'],
      ['grid-collapsed', 'In other: grid-collapsed at other/z.'],
    ]);
    expect(diagnostics[1]).toMatchObject({ hint: 'Fix blk/x. The smallest square input that keeps every grid at least 1×1 is 5×5 (the design uses 4×4).', fix: { height: 5, width: 5 } });
    expect(diagnostics[3].hint).toBe('Fix other/z. The smallest square input that keeps every grid at least 1×1 is 5×5 (the design uses 4×4).');
  });

  it('says so when no input up to the largest tried keeps every grid, and offers no fix', () => {
    const [d] = shapeDiagnostics([problem('grid-collapsed', 'blk/x', 'blk')], graph(40_000), noEdges);
    expect(d.hint).toBe('Fix blk/x. No input up to 32768×32768 keeps every grid at least 1×1.');
    expect(d.fix).toBeUndefined();
  });

  it('reports a problem the table does not know as an invalid parameter', () => {
    expect(shapeDiagnostics([problem('bad-rate', 'drop')], graph(), noEdges)[0].code).toBe('invalid-param');
  });
});
