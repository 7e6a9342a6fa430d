import { describe, expect, it } from 'vitest';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import type { Shape } from '../layers/types';
import { designHints } from './designHints';
import { hasErrors } from './diagnostic';
import { design } from './testing/designs';
import type { NodeRow } from './testing/designs';
import type { Diagnostic, NodeAnalysis, Totals } from './types';

const hints = (options: Parameters<typeof buildPreset>[1]) =>
  analyze(buildPreset('inception-v4', options)).diagnostics.filter((d) => d.severity !== 'error');

describe('design-intent hints', () => {
  it('finds nothing unusual in the paper network', () => {
    expect(hints({})).toEqual([]);
  });

  it('names a Reduction block on a grid larger than 35×35 and a classifier on more than 8×8', () => {
    const found = hints({ input: 512 });
    expect(found.map((d) => [d.code, d.severity, d.nodes[0]])).toEqual([
      ['reduction-on-large-grid', 'warning', 'redA'],
      ['classifier-on-large-grid', 'info', 'pool'],
    ]);
    expect(found[0].message).toContain('61×61');
    expect(found[1].message).toContain('14×14');
  });

  it('names a block doing more than half the MACs, and never makes the design unusable', () => {
    const doc = buildPreset('inception-v4', { input: 75, width: 0.25, repeats: [1, 1, 1] });
    const analysis = analyze(doc);
    const dominant = analysis.diagnostics.filter((d) => d.code === 'dominant-block');
    expect(dominant.map((d) => [d.severity, d.nodes[0]])).toEqual([['info', 'stem']]);
    expect(dominant[0].message).toMatch(/^stem does 5\d% of the network's multiply-accumulates\.$/);
    expect(hasErrors(analysis.diagnostics)).toBe(false);
  });
});

describe('design-intent hints at their limits', () => {
  const doc = (...nodes: NodeRow[]) => design([['input', 'input'], ...nodes], []);
  const node = (input: Shape | undefined, macs = 0): NodeAnalysis => ({ inputs: input ? [input] : [], cost: { trainable: 0, nonTrainable: 0, macs }, activationBytes: 0, provenance: [], layers: [] });
  const totals = (macs: number): Totals => ({ trainable: 0, nonTrainable: 0, macs, total: 0, activationBytes: 0, largestActivationBytes: 0 });
  const found = (hints: Diagnostic[]) => hints.map((d) => [d.code, d.nodes[0]]);

  it('warns of a Reduction block on a grid larger than 35×35 in either direction, with what to do', () => {
    const hints = designHints(
      doc(['tall', 'reductionBV4'], ['wide', 'reductionBV4'], ['fits', 'reductionBV4']),
      { tall: node([36, 20, 8]), wide: node([20, 36, 8]), fits: node([35, 35, 8]) },
      totals(0),
    );
    expect(found(hints)).toEqual([['reduction-on-large-grid', 'tall'], ['reduction-on-large-grid', 'wide']]);
    expect(hints[1]).toEqual({
      severity: 'warning',
      code: 'reduction-on-large-grid',
      message: 'Reduction block wide works on a 20×36 grid; Reduction blocks are built for 35×35 and 17×17 grids.',
      hint: 'A stem usually comes first and brings the input down to 35×35 (299×299 → 35×35).',
      nodes: ['wide'],
    });
  });

  it('notes a flatten or pooling head on a grid larger than 8×8 in either direction, with what to do', () => {
    const hints = designHints(
      doc(['flat', 'flatten'], ['pool', 'globalAvgPool'], ['paper', 'globalAvgPool'], ['conv', 'conv2d']),
      { flat: node([9, 4, 8]), pool: node([4, 9, 8]), paper: node([8, 8, 8]), conv: node([50, 50, 8]) },
      totals(0),
    );
    expect(found(hints)).toEqual([['classifier-on-large-grid', 'flat'], ['classifier-on-large-grid', 'pool']]);
    expect(hints[0]).toEqual({
      severity: 'info',
      code: 'classifier-on-large-grid',
      message: "The classifier's flat takes a 9×4 grid; the papers classify an 8×8 grid.",
      hint: 'A larger input keeps more resolution to the end: fine on purpose, or add a reduction before the head.',
      nodes: ['flat'],
    });
  });

  it('names a block doing more than half the MACs once three nodes do any; exactly half is not more', () => {
    const three = designHints(doc(['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d']), { a: node([8, 8, 8], 51), b: node([8, 8, 8], 48), c: node([8, 8, 8], 1) }, totals(100));
    expect(three).toEqual([
      {
        severity: 'info',
        code: 'dominant-block',
        message: "a does 51% of the network's multiply-accumulates.",
        hint: 'Most of the time per image goes here; a narrower block or an earlier reduction makes the network cheaper.',
        nodes: ['a'],
      },
    ]);
    const half = designHints(doc(['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d']), { a: node([8, 8, 8], 50), b: node([8, 8, 8], 49), c: node([8, 8, 8], 1) }, totals(100));
    expect(half).toEqual([]);
    const two = designHints(doc(['a', 'conv2d'], ['b', 'conv2d'], ['c', 'conv2d']), { a: node([8, 8, 8], 90), b: node([8, 8, 8], 10), c: node([8, 8, 8], 0) }, totals(100));
    expect(two).toEqual([]);
  });

  it('skips nodes the analysis has nothing for, or whose input is not a feature map', () => {
    const hints = designHints(doc(['lost', 'reductionBV4'], ['vector', 'flatten'], ['unknown', 'flatten']), { vector: node([512]), unknown: node(undefined) }, totals(0));
    expect(hints).toEqual([]);
  });
});
