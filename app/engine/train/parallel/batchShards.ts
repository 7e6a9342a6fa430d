/** A batch cut into one contiguous share per replica, as evenly as the size allows. */

import type { Batch } from '../../data/batchStream';

/** `replicas` shares in order; the first `size % replicas` get one image more; a share may be empty. */
export function batchShards(batch: Batch, replicas: number): Batch[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty batch gives empty shares either way (0 / 0 is NaN, which subarray reads as 0)
  const pixelsPerImage = batch.size > 0 ? batch.pixels.length / batch.size : 0;
  const base = Math.floor(batch.size / replicas);
  const extra = batch.size % replicas;
  const shards: Batch[] = [];
  let start = 0;
  for (let r = 0; r < replicas; r++) {
    const size = base + (r < extra ? 1 : 0);
    shards.push({
      pixels: batch.pixels.subarray(start * pixelsPerImage, (start + size) * pixelsPerImage),
      labels: batch.labels.subarray(start, start + size),
      size,
    });
    start += size;
  }
  return shards;
}

/** The seed of replica `replica`'s dropout masks: replica 0 keeps the run's, so one replica trains as before. */
export function replicaSeed(runSeed: number, replica: number): number {
  return replica === 0 ? runSeed : (runSeed * 0x9e3779b1 + replica * 0x85ebca6b) >>> 0;
}
