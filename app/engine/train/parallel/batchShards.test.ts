import { describe, expect, it } from 'vitest';
import { batchShards, replicaSeed } from './batchShards';

const batch = (size: number, pixelsPerImage: number) => ({
  pixels: Float32Array.from({ length: size * pixelsPerImage }, (_, i) => i),
  labels: Int32Array.from({ length: size }, (_, i) => i),
  size,
});

describe('batchShards', () => {
  it('cuts a batch into contiguous shares whose sizes differ by at most one', () => {
    const shards = batchShards(batch(7, 2), 3);
    expect(shards.map((s) => s.size)).toEqual([3, 2, 2]);
    expect(Array.from(shards[1].labels)).toEqual([3, 4]);
    expect(Array.from(shards[1].pixels)).toEqual([6, 7, 8, 9]);
    expect(Array.from(shards[2].pixels)).toEqual([10, 11, 12, 13]);
  });

  it('leaves the replicas past the batch size empty', () => {
    expect(batchShards(batch(1, 3), 2).map((s) => s.size)).toEqual([1, 0]);
  });

  it('keeps the run seed for replica 0 and gives the others their own', () => {
    expect(replicaSeed(42, 0)).toBe(42);
    expect(new Set([0, 1, 2, 3].map((r) => replicaSeed(42, r))).size).toBe(4);
  });

  it('gives each replica the same seed in every version, so a parallel run reproduces', () => {
    expect([1, 2, 3].map((r) => replicaSeed(42, r))).toEqual([2063974773, 15829984, 2262652491]);
    expect(replicaSeed(0xffffffff, 1)).toBe(3887353856);
  });

  it('cuts an empty batch into empty shares', () => {
    const shards = batchShards(batch(0, 4), 2);
    expect(shards.map((s) => [s.size, s.pixels.length, s.labels.length])).toEqual([[0, 0, 0], [0, 0, 0]]);
  });
});
