import { describe, expect, it } from 'vitest';
import { allNodeTypes } from './nodeTypes';
import { shortNodeId } from './nodeNames';

describe('shortNodeId', () => {
  it.each([
    ['reductionBV4', 'redB'],
    ['reductionBResnetV1', 'redB'],
    ['inceptionResnetAV2', 'resA'],
    ['inceptionC', 'incC'],
    ['stemV4', 'stem'],
    ['stemTfslim', 'stem'],
    ['block35', 'block35'],
    ['conv2d', 'conv2d'],
  ])('%s → %s', (type, id) => {
    expect(shortNodeId(type)).toBe(id);
  });

  it('gives every node type a valid id no longer than its type', () => {
    for (const { info } of allNodeTypes()) {
      expect(shortNodeId(info.type)).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(shortNodeId(info.type).length).toBeLessThanOrEqual(info.type.length);
    }
  });
});
