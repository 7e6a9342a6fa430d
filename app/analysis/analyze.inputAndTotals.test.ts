import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { chain, stemChain } from './testing/designs';

describe('analyze: the design input and the totals', () => {
  it('refuses an input size that is not three positive integers, on the input node, with the size to set', () => {
    const analysis = analyze(chain([['c', 'conv2d']], [299, 0.5, 3]));
    expect(analysis.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-param',
        message: 'The design input is 299×0.5×3; height, width and channels must be positive integers.',
        hint: 'Set the input size in the design settings, e.g. 299×299×3.',
        nodes: ['input'],
      },
    ]);
    expect(analysis.totals).toMatchObject({ macs: 0, activationBytes: 0, largestActivationBytes: 0 });
  });

  it('keeps the largest single layer output, not the first or the last', () => {
    // c3 (147×147×64) is larger than the input before it and every grid after it.
    expect(analyze(stemChain()).totals.largestActivationBytes).toBe(147 * 147 * 64 * 4);
  });
});
