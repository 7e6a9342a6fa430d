import * as tf from '@tensorflow/tfjs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { selectBackend } from '../backends/select';
import { serializeDesign } from '../../design/document';
import { resolveTrainConfig } from '../../training/defaults';
import type { TrainerStartRequest } from '../../training/processProtocol';
import { learningRateAt } from '../../training/schedule';
import type { TrainEvent } from '../../training/types';
import { smallDesign } from '../testing/smallDesign';
import { useTestFolder } from '../testing/testFolders';
import { DataParallelTrainer } from './parallel/dataParallel';
import { eventsOf, recordRun } from './trainFixtures';

// 2 classes × 4 images; a quarter held out leaves 6 training images: 3 steps of 2 per epoch.
const folder = useTestFolder('train-loop-', { classes: 2, perClass: 4, size: 80 });
const config = { optimizer: 'sgd' as const, learningRate: 0.01, lrDecayRate: 0.5, lrDecayEpochs: 1.5, batchSize: 2, epochs: 2, validationSplit: 0.25, seed: 3 };
const request = (name: string, change: Partial<TrainerStartRequest> = {}): TrainerStartRequest => ({
  design: serializeDesign(smallDesign(2)),
  data: folder.data,
  runDir: join(folder.root, name),
  backend: 'wasm',
  config,
  ...change,
});
beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
});

const last = (name: string): string => join(folder.root, name, 'checkpoints', 'last');

describe('runTraining, step by step', () => {
  it('reports each step with its place, the scheduled rate and per-image rates, an epoch at a time', { timeout: 60_000 }, async () => {
    const tensorsBefore = tf.memory().numTensors;
    const wallStart = performance.now();
    const { outcome, events } = await recordRun(request('steps', { imageCacheMegabytes: 64 }));
    const wall = (performance.now() - wallStart) / 1000;
    expect(outcome).toBe('completed');
    const steps = eventsOf(events, 'step');
    expect(steps.map((s) => [s.epoch, s.step, s.globalStep])).toEqual([[1, 1, 1], [1, 2, 2], [1, 3, 3], [2, 1, 4], [2, 2, 5], [2, 3, 6]]);
    const resolved = resolveTrainConfig(config);
    expect(steps.map((s) => s.lr)).toEqual(steps.map((s) => learningRateAt(resolved, s.epoch - 1 + (s.step - 1) / 3)));
    expect(new Set(steps.map((s) => s.lr)).size).toBe(2);
    expect(eventsOf(events, 'log').filter((e) => e.level === 'warning'), 'nothing to warn of').toEqual([]);
    for (const step of steps) {
      expect(step.top1 * 2, 'top-1 is a share of the batch').toSatisfy(Number.isInteger);
      expect(step.top5).toBe(1);
      const secondsPerStep = 2 / step.imagesPerSecond;
      expect(secondsPerStep).toBeGreaterThan(0);
      expect(secondsPerStep).toBeLessThan(wall);
      expect(step.etaSeconds).toBeCloseTo(secondsPerStep * (6 - step.globalStep), 6);
    }
    const epochs = eventsOf(events, 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2]);
    // Equal batches: an epoch's training accuracy is the mean of its steps'.
    const meanTop1 = (epoch: number): number => steps.filter((s) => s.epoch === epoch).reduce((sum, s) => sum + s.top1, 0) / 3;
    expect(epochs.map((e) => e.train.top1)).toEqual([1, 2].map((epoch) => expect.closeTo(meanTop1(epoch), 9)));
    expect(steps.some((s) => s.top1 > 0), 'some step classifies an image right, so a wrong share would show').toBe(true);
    expect(epochs.every((e) => e.seconds > 0 && e.seconds < wall)).toBe(true);
    const bestEpochs = epochs.filter((e, i) => epochs.slice(0, i).every((before) => (e.validation?.top1 ?? 0) > (before.validation?.top1 ?? 0))).map((e) => e.epoch);
    expect(eventsOf(events, 'checkpoint').filter((c) => c.kind === 'best').map((c) => c.epoch), 'a best model whenever validation beats every earlier epoch').toEqual(bestEpochs);
    const checkpoints = eventsOf(events, 'checkpoint').filter((c) => c.kind === 'last');
    expect(checkpoints).toEqual([1, 2].map((epoch) => ({ type: 'checkpoint', kind: 'last', epoch, path: last('steps') })));
    // The cache filled in the first epoch only, and holds the whole training split.
    const cacheLogs = eventsOf(events, 'log').filter((e) => e.message.startsWith('Image cache'));
    expect(cacheLogs).toHaveLength(1);
    expect(cacheLogs[0]).toMatchObject({ level: 'info', message: expect.stringMatching(/^Image cache: 6 of 6 training images kept \(\d+\.\d of 64 MB\); later epochs crop them from memory\.$/) });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('says when the image cache is full, and where to make it larger', { timeout: 60_000 }, async () => {
    const { events } = await recordRun(request('full-cache', { imageCacheMegabytes: 0.05, config: { ...config, epochs: 1 } }));
    const cacheLog = eventsOf(events, 'log').find((e) => e.message.startsWith('Image cache'));
    expect(cacheLog?.message).toMatch(/^Image cache: [1-5] of 6 training images kept \(0\.\d of 0 MB\), full: the rest are decoded every epoch; a larger image cache \(--image-cache, Train › Compute\) keeps more\.$/);
  });
});

describe('runTraining under control', () => {
  it('stopped mid-epoch, saves that step and counts the epoch begun', { timeout: 60_000 }, async () => {
    const { outcome, events } = await recordRun(request('stop'), (event, control) => {
      if (event.type === 'step' && event.globalStep === 4) control.stop();
    });
    expect(outcome).toBe('cancelled');
    expect(eventsOf(events, 'step').map((s) => s.globalStep)).toEqual([1, 2, 3, 4]);
    expect(events.slice(-2)).toEqual([
      { type: 'checkpoint', kind: 'last', epoch: 2, path: last('stop') },
      { type: 'done', reason: 'cancelled', epochs: 1, bestValTop1: eventsOf(events, 'epoch')[0].validation?.top1, lastCheckpoint: last('stop') },
    ]);
  });

  it('stopped right after an epoch was saved, saves nothing more', { timeout: 60_000 }, async () => {
    const { outcome, events } = await recordRun(request('stop-at-epoch'), (event, control) => {
      if (event.type === 'epoch') control.stop();
    });
    expect(outcome).toBe('cancelled');
    expect(eventsOf(events, 'checkpoint').filter((c) => c.kind === 'last').map((c) => c.epoch)).toEqual([1]);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'cancelled', epochs: 1, lastCheckpoint: last('stop-at-epoch') });
  });

  it('stopped while paused before the first step, saves nothing and names no checkpoint', { timeout: 60_000 }, async () => {
    const { outcome, events } = await recordRun(request('stop-paused'), (event, control) => {
      if (event.type === 'start') control.pause();
      if (event.type === 'paused') control.stop();
    });
    expect(outcome).toBe('cancelled');
    expect(events.slice(-2)).toEqual([{ type: 'paused' }, { type: 'done', reason: 'cancelled', epochs: 0, bestValTop1: null, lastCheckpoint: null }]);
  });

  it('paused, waits, then resumes and trains on', { timeout: 60_000 }, async () => {
    const { outcome, events } = await recordRun(request('pause', { config: { ...config, epochs: 1 } }), (event, control) => {
      if (event.type === 'step' && event.globalStep === 1) control.pause();
      if (event.type === 'paused') setTimeout(() => control.resume(), 20);
    });
    expect(outcome).toBe('completed');
    const order = events.filter((e) => e.type === 'step' || e.type === 'paused' || e.type === 'resumed').map((e) => (e.type === 'step' ? e.globalStep : e.type));
    expect(order).toEqual([1, 'paused', 'resumed', 2, 3]);
  });
});

describe('runTraining reports', () => {
  it('warns before the first step when the batch will not fit the stated memory, on the backend that trains', { timeout: 60_000 }, async () => {
    const { events } = await recordRun(request('tight', { backend: 'cpu', memoryBytes: 2 ** 20, config: { ...config, epochs: 1 } }), (event, control) => {
      if (event.type === 'start') control.stop();
    });
    expect(eventsOf(events, 'start')[0].backend).toBe('cpu');
    const warning = eventsOf(events, 'log').find((e) => e.message.startsWith('Memory estimate'));
    expect(warning).toMatchObject({ level: 'warning', message: expect.stringMatching(/^Memory estimate on cpu: Not even one image fits/) });
  });

  it('skips an unreadable image with a warning naming it, and logs what came before the folder existed', { timeout: 60_000 }, async () => {
    const data = join(folder.root, 'with-bad');
    const { writeSyntheticDataset } = await import('../data/syntheticDataset');
    await writeSyntheticDataset(data, { classes: 2, perClass: 4, size: 80 });
    // A PNG cut short: its header reads, its pixels do not.
    const bad = join(data, 'class0', 'broken.png');
    await writeFile(bad, (await readFile(join(data, 'class0', 'img0.png'))).subarray(0, 80));
    const { events } = await recordRun(request('skip', { data, config: { ...config, epochs: 1, validationSplit: 0 } }));
    const skipped = eventsOf(events, 'log').filter((e) => e.message.startsWith('Skipped'));
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]).toMatchObject({ level: 'warning', message: expect.stringContaining(`Skipped ${bad}: `) });
    const logged = (await readFile(join(folder.root, 'skip', 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as TrainEvent);
    // Steps and scan progress are too many to log; everything else is logged, what came before the folder first.
    expect(logged.map((e) => e.type)).toEqual(events.filter((e) => e.type !== 'step' && e.type !== 'progress').map((e) => e.type));
  });

  it('that fails after saving names its last checkpoint in the error', { timeout: 60_000 }, async () => {
    let failed = false;
    const { outcome, events } = await recordRun(request('fails'), (event) => {
      if (event.type === 'step' && event.globalStep === 4 && !failed) {
        failed = true;
        throw new Error('listener gone');
      }
    });
    expect(outcome).toBe('failed');
    expect(events.at(-1)).toMatchObject({ type: 'error', lastCheckpoint: last('fails'), message: expect.stringContaining(last('fails')) });
  });

  it('logs a failed resume in the run it was resuming', { timeout: 60_000 }, async () => {
    const { writeSyntheticDataset } = await import('../data/syntheticDataset');
    const data = join(folder.root, 'going');
    await writeSyntheticDataset(data, { classes: 2, perClass: 4, size: 80 });
    const first = await recordRun(request('resume-gone', { data, config: { ...config, epochs: 1 } }));
    expect(first.outcome).toBe('completed');
    await rm(data, { recursive: true });
    const { outcome, events } = await recordRun({ ...request('resume-gone'), data: undefined, resume: true });
    expect(outcome).toBe('failed');
    const logged = (await readFile(join(folder.root, 'resume-gone', 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as TrainEvent);
    expect(events.at(-1)).toMatchObject({ type: 'error', message: `Dataset not found: ${data} does not exist.` });
    expect(logged.at(-1)).toEqual({ time: expect.any(String), ...events.at(-1) });
  });
});

describe('runTraining on two workers', () => {
  it('shares each batch between two replicas, whose batch-norm statistics come from their halves', { timeout: 120_000 }, async () => {
    const replicasStarted = vi.spyOn(DataParallelTrainer, 'start');
    const one = await recordRun(request('one-worker', { workers: 1, config: { ...config, epochs: 1 } }));
    expect(replicasStarted, 'one worker trains on this thread alone').not.toHaveBeenCalled();
    const two = await recordRun(request('two-workers', { workers: 2, config: { ...config, epochs: 1 } }));
    expect(replicasStarted).toHaveBeenCalledTimes(1);
    expect(replicasStarted.mock.calls[0][4]).toBe(2);
    replicasStarted.mockRestore();
    expect(two.outcome).toBe('completed');
    expect(eventsOf(two.events, 'start')[0].workers).toBe(2);
    const losses = (run: { events: TrainEvent[] }): number[] => eventsOf(run.events, 'step').map((s) => s.loss);
    expect(losses(two)).toHaveLength(3);
    // The same weights, images and seed: only the statistics of a half batch make the first step's loss differ.
    expect(losses(two)[0]).not.toBeCloseTo(losses(one)[0], 3);
  });

  it('trains on no batch whose images were all unreadable', { timeout: 60_000 }, async () => {
    const { writeSyntheticDataset } = await import('../data/syntheticDataset');
    const data = join(folder.root, 'all-bad');
    const files = await writeSyntheticDataset(data, { classes: 2, perClass: 2, size: 80 });
    // PNGs cut short: their headers read, their pixels do not.
    for (const file of files.flat()) await writeFile(file, (await readFile(file)).subarray(0, 80));
    const { outcome, events } = await recordRun(request('all-bad', { data, config: { ...config, epochs: 1, validationSplit: 0 } }));
    expect(outcome).toBe('completed');
    expect(eventsOf(events, 'log').filter((e) => e.message.startsWith('Skipped'))).toHaveLength(4);
    expect(eventsOf(events, 'step')).toEqual([]);
  });
});
