/**
 * Streams a dataset as batches: each epoch in its own seeded order, images decoded per batch
 * (the whole set in memory only as far as an `ImageCache` budget allows), the next batch
 * decoding while the caller trains on this one.
 */

import { errorMessage } from '../../result';
import { createRandom, mixSeed, shuffledIndices } from '../../training/seededRandom';
import { centralCrop, cropTrainingSource, decodeSample, decodeTrainingSource, type CropPlan, type InputGeometry } from './decodeSample';
import type { ImageCache, SourceImage } from './imageCache';
import type { Dataset } from './types';

export interface Batch {
  /** `size × h × w × c` floats in [-1, 1]. */
  pixels: Float32Array;
  labels: Int32Array;
  size: number;
  /** Seconds the batch took to decode and augment (while the previous one trained): the pipeline's own pace. */
  decodeSeconds?: number;
}

export interface BatchPlan {
  dataset: Dataset;
  /** Sample indices this stream draws from (a train or validation subset). */
  indices: readonly number[];
  batchSize: number;
  geometry: InputGeometry;
  /** Training: shuffle per epoch and drop the short last batch. */
  training: boolean;
  /** Random crops and flips (training only); default true. */
  augment?: boolean;
  seed: number;
  epoch: number;
  /** Skip this many batches (resuming mid-epoch). */
  startBatch?: number;
  /** Told about a file that failed to decode; the batch goes on without it. */
  onSkip?: (file: string, problem: string) => void;
  /** Training crops cut from decoded images kept here (this plan's geometry only), decoded once while it has room. */
  cache?: ImageCache;
}

/** Batches in one epoch: training drops the short remainder (but always has at least one). */
export function batchesPerEpoch(count: number, batchSize: number, training: boolean): number {
  if (count === 0) return 0;
  return training ? Math.max(1, Math.floor(count / batchSize)) : Math.ceil(count / batchSize);
}

/** The sample order of an epoch: a seeded shuffle for training, as listed for validation. */
export function epochOrder(indices: readonly number[], seed: number, epoch: number, training: boolean): number[] {
  if (!training) return [...indices];
  return shuffledIndices(indices.length, mixSeed(seed, epoch)).map((i) => indices[i]);
}

/** Crop and flip of one sample, a pure function of (seed, epoch, sample). */
export function augmentationFor(seed: number, epoch: number, sample: number): CropPlan {
  const random = createRandom(mixSeed(seed, epoch, sample, 0xa06));
  return { x: random(), y: random(), flip: random() < 0.5 };
}

async function cachedSource(plan: BatchPlan, cache: ImageCache, index: number): Promise<SourceImage> {
  const kept = cache.get(index);
  if (kept) return kept;
  const source = await decodeTrainingSource(plan.dataset.open(plan.dataset.samples[index]), plan.geometry);
  cache.offer(index, source);
  return source;
}

async function loadBatch(plan: BatchPlan, members: readonly number[]): Promise<Batch> {
  const started = performance.now();
  const timed = (batch: Batch): Batch => ({ ...batch, decodeSeconds: (performance.now() - started) / 1000 });
  const { size, channels } = plan.geometry;
  const perImage = size * size * channels;
  const pixels = new Float32Array(members.length * perImage);
  const ok = await Promise.all(
    members.map(async (index, slot) => {
      const sample = plan.dataset.samples[index];
      const crop = plan.training && plan.augment !== false ? augmentationFor(plan.seed, plan.epoch, index) : centralCrop;
      try {
        if (crop === centralCrop || !plan.cache) await decodeSample(plan.dataset.open(sample), plan.geometry, crop, pixels, slot * perImage);
        else cropTrainingSource(await cachedSource(plan, plan.cache, index), plan.geometry.size, crop, pixels, slot * perImage);
        return true;
      } catch (error) {
        plan.onSkip?.(sample.id, errorMessage(error));
        return false;
      }
    }),
  );
  const kept = members.flatMap((index, slot) => (ok[slot] ? [{ index, slot }] : []));
  if (kept.length === members.length) return timed({ pixels, labels: Int32Array.from(members, (i) => plan.dataset.samples[i].label), size: members.length });
  const packed = new Float32Array(kept.length * perImage);
  kept.forEach(({ slot }, k) => packed.set(pixels.subarray(slot * perImage, (slot + 1) * perImage), k * perImage));
  return timed({ pixels: packed, labels: Int32Array.from(kept, ({ index }) => plan.dataset.samples[index].label), size: kept.length });
}

export async function* streamBatches(plan: BatchPlan): AsyncGenerator<Batch> {
  const order = epochOrder(plan.indices, plan.seed, plan.epoch, plan.training);
  const count = batchesPerEpoch(order.length, plan.batchSize, plan.training);
  const membersOf = (b: number): number[] => order.slice(b * plan.batchSize, Math.min(order.length, (b + 1) * plan.batchSize));
  const start = plan.startBatch ?? 0;
  let next = start < count ? loadBatch(plan, membersOf(start)) : null;
  for (let b = start; b < count && next; b++) {
    const current = await next;
    next = b + 1 < count ? loadBatch(plan, membersOf(b + 1)) : null;
    // A prefetched batch is abandoned when the consumer stops early; swallow its late failure.
    next?.catch(() => undefined);
    yield current;
  }
}
