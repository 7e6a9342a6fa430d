import { describe, expect, it } from 'vitest';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import { hasErrors } from './diagnostic';

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
