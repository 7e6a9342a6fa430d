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
    ['inceptionAV12', 'incA'],
    ['reductionAResnetV10', 'redA'],
  ])('%s → %s', (type, id) => {
    expect(shortNodeId(type)).toBe(id);
  });

  it('gives every node type a valid id no longer than its type', () => {
    for (const { info } of allNodeTypes()) {
      expect(shortNodeId(info.type)).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(shortNodeId(info.type).length).toBeLessThanOrEqual(info.type.length);
    }
  });

  it('shortens a family only when something follows it, and keeps a type that is all variant suffix', () => {
    expect(shortNodeId('inception')).toBe('inception');
    expect(shortNodeId('reduction')).toBe('reduction');
    expect(shortNodeId('reductionV4')).toBe('reduction');
    expect(shortNodeId('V4')).toBe('V4');
    expect(shortNodeId('conv2dV4x')).toBe('conv2dV4x');
    expect(shortNodeId('inceptionAResnet')).toBe('incAResnet');
  });
});
