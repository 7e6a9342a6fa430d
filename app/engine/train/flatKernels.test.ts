import { describe, expect, it } from 'vitest';
import { FlatKernels } from './flatKernels';

describe('flat kernels', () => {
  it('keep equal, aligned areas and apply float32 arithmetic in lanes and in the tail alike', () => {
    const kernels = new FlatKernels(3, 7);
    expect([kernels.at(0), kernels.at(1), kernels.at(2)]).toEqual([0, 32, 64]);
    const [dst, src] = [kernels.area(0), kernels.area(1)];
    dst.set([1, 2, 3, 4, 5, 6, 7]);
    src.set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    kernels.k.addScaled(kernels.at(0), kernels.at(1), 7, 0.3);
    const f = Math.fround;
    expect(Array.from(dst)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d, k) => f(d + f(f([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7][k]) * f(0.3)))));
    expect(kernels.k.sumSquares(kernels.at(1), 7)).toBeCloseTo(1.4, 6);
    // Area 2 is untouched by work on the first two.
    expect(Array.from(kernels.area(2))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('grow their memory to hold large areas', () => {
    const kernels = new FlatKernels(4, 3_000_001);
    const last = kernels.area(3);
    last[last.length - 1] = 5;
    // Just the whole pages the areas need, no more: 4 areas of 3_000_004 floats, 16-byte aligned, in 64 KiB pages.
    expect(kernels.k.memory.buffer.byteLength).toBe(Math.ceil(kernels.at(4) / 65536) * 65536);
    expect(kernels.k.sumSquares(kernels.at(3), 3_000_001)).toBe(25);
  });

  it('keep their first page when that holds the areas, down to none at all', () => {
    expect(new FlatKernels(3, 100).k.memory.buffer.byteLength).toBe(65536);
    const empty = new FlatKernels(3, 0);
    expect(empty.k.memory.buffer.byteLength).toBe(65536);
    expect(empty.k.sumSquares(empty.at(0), 0)).toBe(0);
  });
});
