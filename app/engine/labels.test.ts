import { describe, expect, it } from 'vitest';
import { labelsFor } from './labels';

describe('labelsFor', () => {
  it('prefers the design classes when their count fits', async () => {
    expect(await labelsFor(2, ['cat', 'dog'])).toEqual(['cat', 'dog']);
    expect(await labelsFor(3, ['cat', 'dog'])).toEqual(['class 0', 'class 1', 'class 2']);
  });

  it('names the 1000 ImageNet classes, and 1001 with the TF-slim background class first', async () => {
    const imagenet = await labelsFor(1000);
    expect(imagenet).toHaveLength(1000);
    expect(imagenet[0]).toBe('tench, Tinca tinca');
    expect(imagenet[999]).toBe('toilet tissue, toilet paper, bathroom tissue');
    const slim = await labelsFor(1001);
    expect(slim[0]).toBe('background');
    expect(slim[1]).toBe('tench, Tinca tinca');
  });
});
