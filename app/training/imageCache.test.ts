import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_CACHE_MB, imageCacheProblem } from './imageCache';

describe('imageCacheProblem', () => {
  it('takes whole megabytes from 0 (off) up, the default included', () => {
    for (const ok of [0, 1, DEFAULT_IMAGE_CACHE_MB, 65536]) expect(imageCacheProblem(ok)).toBeNull();
  });

  it('names the range and the value it refuses', () => {
    for (const bad of [-1, 1.5, 65537]) expect(imageCacheProblem(bad)).toBe(`the image cache must be a whole number in [0, 65536] MB, got ${bad}`);
    expect(imageCacheProblem(Number('abc'))).toBe('the image cache must be a whole number in [0, 65536] MB, got something that is not a number');
  });
});
