import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../layers/registry';
import { validateDesign } from './document';
import { integerRange } from './limits';
import { resolveParams } from './resolveParams';
import type { DesignDocument, ParamValue } from './types';

const design: DesignDocument = {
  format: 'inception-studio/design',
  version: 3,
  name: 'edges',
  input: { height: 1, width: 1, channels: 1 },
  nodes: [{ id: 'input', type: 'input', params: {}, position: { x: 0, y: 0 } }],
  edges: [],
  notes: [],
};

/** The messages resolving one parameter value gives (none when it is accepted). */
const problems = (layer: keyof typeof layerDefinitions, param: string, value: ParamValue): string[] =>
  resolveParams(layerDefinitions[layer].info, { [param]: value }).issues.map((issue) => issue.message);

describe('design limits at their edges', () => {
  it('takes an input of 4096 pixels a side and 4 channels, and refuses one more of each', () => {
    expect(validateDesign({ ...design, input: { height: 4096, width: 1, channels: 4 } }).ok).toBe(true);
    expect(validateDesign({ ...design, input: { height: 1, width: 4096, channels: 1 } }).ok).toBe(true);
    const refused = validateDesign({ ...design, input: { height: 4097, width: 4097, channels: 5 } });
    expect(refused.ok || refused.error.issues).toEqual([
      { path: 'input.height', expected: 'an integer between 1 and 4096', found: '4097' },
      { path: 'input.width', expected: 'an integer between 1 and 4096', found: '4097' },
      { path: 'input.channels', expected: 'an integer between 1 and 4', found: '5' },
    ]);
  });

  it('takes 65,536 filters and 100,000 classes, and refuses one more', () => {
    expect(problems('conv2d', 'filters', 65_536)).toEqual([]);
    expect(problems('conv2d', 'filters', 65_537)).toEqual(['Convolution: filters is 65537; it must be an integer between 1 and 65536.']);
    expect(problems('dense', 'units', 100_000)).toEqual([]);
    expect(problems('dense', 'units', 100_001)).toEqual(['Fully connected: units is 100001; it must be an integer between 1 and 100000.']);
  });

  it('takes a kernel side of 4096 and a residual scale of 10, and refuses just past them', () => {
    expect(problems('conv2d', 'kernel', [4096, 1])).toEqual([]);
    expect(problems('conv2d', 'kernel', [1, 4097])).toEqual(['Convolution: kernel is [1, 4097]; it must be a pair [height, width] of integers between 1 and 4096.']);
    expect(problems('residualAdd', 'scale', 10)).toEqual([]);
    expect(problems('residualAdd', 'scale', 10.001)).toEqual(['Residual add: scale is 10.001; it must be a number between 0 and 10.']);
  });

  it('words every bounded count the same way', () => {
    expect(integerRange(2, 7)).toBe('an integer between 2 and 7');
  });
});
