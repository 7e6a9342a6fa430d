import { describe, expect, it } from 'vitest';
import { buildPreset } from '../../app/presets/index';
import { expansionOffsets } from './expansionOffsets';

describe('expansionOffsets', () => {
  it('moves everything downstream of an opened block by its growth, adding up for several', () => {
    const doc = buildPreset('inception-v4');
    const one = expansionOffsets(doc, new Map([['a2', 300]]));
    expect(one.get('a1')).toBeUndefined();
    expect(one.get('a2')).toBeUndefined();
    expect(one.get('a3')).toBe(300);
    expect(one.get('softmax')).toBe(300);
    const two = expansionOffsets(doc, new Map([['a2', 300], ['b1', 500]]));
    expect(two.get('a3')).toBe(300);
    expect(two.get('b2')).toBe(800);
  });

  it('is empty when nothing is open', () => {
    expect(expansionOffsets(buildPreset('inception-v4'), new Map()).size).toBe(0);
  });
});
