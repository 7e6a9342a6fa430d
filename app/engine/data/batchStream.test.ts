import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitByClass } from '../../training/split';
import { augmentationFor, batchesPerEpoch, epochOrder, streamBatches, type Batch, type BatchPlan } from './batchStream';
import { trainingSourceSize } from './decodeSample';
import { ImageCache } from './imageCache';
import { scanDataset } from './scanDataset';
import { writeSyntheticDataset } from './syntheticDataset';
import type { Dataset } from './types';

let root: string;
let dataset: Dataset;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'batches-'));
  await writeSyntheticDataset(root, { classes: 2, perClass: 5, size: 36 });
  dataset = await scanDataset(root, 32);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect(plan: BatchPlan): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const batch of streamBatches(plan)) batches.push(batch);
  return batches;
}

const basePlan = (): BatchPlan => ({
  dataset,
  indices: dataset.samples.map((_, i) => i),
  batchSize: 4,
  geometry: { size: 32, channels: 3 },
  training: true,
  seed: 3,
  epoch: 0,
});

describe('streamBatches', () => {
  it('yields full training batches in [-1, 1], dropping the short remainder', async () => {
    const batches = await collect(basePlan());
    expect(batches.map((b) => b.size)).toEqual([4, 4]);
    for (const batch of batches) {
      expect(batch.pixels).toHaveLength(4 * 32 * 32 * 3);
      expect(Math.min(...batch.pixels)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...batch.pixels)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every validation image in listed order with central crops', async () => {
    const batches = await collect({ ...basePlan(), training: false });
    expect(batches.map((b) => b.size)).toEqual([4, 4, 2]);
    expect(batches.flatMap((b) => [...b.labels])).toEqual(dataset.samples.map((s) => s.label));
  });

  it('repeats the same epoch exactly, differs between epochs, and resumes mid-epoch', async () => {
    const first = await collect(basePlan());
    const again = await collect(basePlan());
    expect(again.map((b) => [...b.pixels])).toEqual(first.map((b) => [...b.pixels]));
    expect(epochOrder(basePlan().indices, 3, 1, true)).not.toEqual(epochOrder(basePlan().indices, 3, 0, true));
    const resumed = await collect({ ...basePlan(), startBatch: 1 });
    expect([...resumed[0].pixels]).toEqual([...first[1].pixels]);
    expect(augmentationFor(3, 0, 5)).toEqual(augmentationFor(3, 0, 5));
    const plain = await collect({ ...basePlan(), augment: false });
    const central = await collect({ ...basePlan(), training: false, indices: epochOrder(basePlan().indices, 3, 0, true), batchSize: 4 });
    expect([...plain[0].pixels]).toEqual([...central[0].pixels]);
  });

  it('crops later epochs from the image cache with the pixels decoding gives, decoding each image once', async () => {
    let opened = 0;
    const counted: Dataset = { ...dataset, open: (sample) => (opened++, dataset.open(sample)) };
    const cache = new ImageCache(64 * 2 ** 20);
    // Batches of 5 use all 10 images in every epoch.
    const epochs = [0, 1].map((epoch) => ({ ...basePlan(), batchSize: 5, dataset: counted, epoch, cache }));
    const cached = [await collect(epochs[0]), await collect(epochs[1])];
    expect(opened).toBe(10);
    expect(cache.count).toBe(10);
    expect(cache.full).toBe(false);
    for (const [epoch, plan] of epochs.entries()) {
      const uncached = await collect({ ...plan, dataset, cache: undefined });
      expect(cached[epoch].map((b) => [...b.pixels])).toEqual(uncached.map((b) => [...b.pixels]));
    }
  });

  it('decodes every time what does not fit the cache budget', async () => {
    let opened = 0;
    const counted: Dataset = { ...dataset, open: (sample) => (opened++, dataset.open(sample)) };
    const side = trainingSourceSize(32);
    const cache = new ImageCache(3 * side * side * 3);
    for (const epoch of [0, 1]) await collect({ ...basePlan(), batchSize: 5, dataset: counted, epoch, cache });
    expect(cache.count).toBe(3);
    expect(cache.full).toBe(true);
    expect(cache.usedBytes).toBe(3 * side * side * 3);
    expect(opened).toBe(10 + 10 - 3);
  });

  it('expands grayscale to the network channels and averages colour to one channel', async () => {
    const fashion = await scanDataset(undefined, 32);
    const [gray] = await collect({ ...basePlan(), dataset: fashion, indices: [0], batchSize: 1, training: false });
    for (let p = 0; p < 32 * 32; p++) {
      expect(gray.pixels[p * 3]).toBe(gray.pixels[p * 3 + 1]);
      expect(gray.pixels[p * 3]).toBe(gray.pixels[p * 3 + 2]);
    }
    const [single] = await collect({ ...basePlan(), geometry: { size: 32, channels: 1 }, training: false, batchSize: 2 });
    expect(single.pixels).toHaveLength(2 * 32 * 32);
  });

  it('skips a file that fails to decode mid-run and names it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'late-'));
    await writeSyntheticDataset(dir, { classes: 2, perClass: 2, size: 32 });
    const late = await scanDataset(dir, 32);
    await writeFile(late.samples[1].id, 'corrupted after the scan');
    const skipped: string[] = [];
    const batches = await collect({ ...basePlan(), dataset: late, indices: [0, 1, 2, 3], training: false, onSkip: (file) => skipped.push(file) });
    expect(batches[0].size).toBe(3);
    expect(skipped).toEqual([late.samples[1].id]);
    await rm(dir, { recursive: true, force: true });
  });

  it('counts batches per epoch', () => {
    expect(batchesPerEpoch(10, 4, true)).toBe(2);
    expect(batchesPerEpoch(3, 4, true)).toBe(1);
    expect(batchesPerEpoch(10, 4, false)).toBe(3);
    expect(batchesPerEpoch(0, 4, true)).toBe(0);
  });
});

describe('splitByClass', () => {
  it('holds out the same stratified share for a seed', () => {
    const labels = [...Array(20).fill(0), ...Array(10).fill(1)];
    const split = splitByClass(labels, 0.2, 5);
    expect(split.validation.filter((i) => labels[i] === 0)).toHaveLength(4);
    expect(split.validation.filter((i) => labels[i] === 1)).toHaveLength(2);
    expect(split.train.length + split.validation.length).toBe(30);
    expect(splitByClass(labels, 0.2, 5)).toEqual(split);
    expect(splitByClass(labels, 0.2, 6)).not.toEqual(split);
  });
});
