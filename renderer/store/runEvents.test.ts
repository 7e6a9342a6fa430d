import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../app/training/defaults';
import type { TrainEvent } from '../../app/training/types';
import { foldCrash, foldTrainEvent, isRunActive, newRunView, runProgress, type RunView } from './runEvents';
import { seriesPoints } from './runSeries';

const start = (extra: Partial<Extract<TrainEvent, { type: 'start' }>> = {}): TrainEvent => ({
  type: 'start',
  runId: 'r1',
  runDir: '/runs/r1',
  backend: 'wasm',
  device: 'CPU',
  stepsPerEpoch: 10,
  totalSteps: 30,
  config: { ...defaultTrainConfig, epochs: 3 },
  classNames: ['a', 'b'],
  ...extra,
});

const step = (globalStep: number, loss = 1): TrainEvent => ({
  type: 'step',
  epoch: Math.floor((globalStep - 1) / 10) + 1,
  step: ((globalStep - 1) % 10) + 1,
  globalStep,
  lr: 0.045,
  imagesPerSecond: 50,
  etaSeconds: 30 - globalStep,
  loss,
  top1: 0.5,
  top5: 1,
});

const epoch = (n: number, valTop1: number | null, validationConfusion?: number[][]): TrainEvent => ({
  type: 'epoch',
  epoch: n,
  train: { loss: 1, top1: 0.4, top5: 0.9 },
  validation: valTop1 === null ? null : { loss: 1.2, top1: valTop1, top5: 0.95 },
  ...(validationConfusion ? { validationConfusion } : {}),
  lr: 0.04,
  seconds: 3,
});

const fold = (events: readonly TrainEvent[], from: RunView = newRunView('r1', '')): RunView => events.reduce(foldTrainEvent, from);
const ys = (view: RunView, name: keyof RunView['series']) => seriesPoints(view.series[name]).map((p) => p.y);
const xs = (view: RunView, name: keyof RunView['series']) => seriesPoints(view.series[name]).map((p) => p.x);

describe('foldTrainEvent', () => {
  it('turns steps and epochs into series, progress and ETA', () => {
    const view = fold([start(), step(1, 2), step(2, 1.5), epoch(1, 0.6)]);
    expect(view.status).toBe('running');
    expect(view.backend).toBe('wasm');
    expect(view.classNames).toEqual(['a', 'b']);
    expect(ys(view, 'loss')).toEqual([2, 1.5]);
    expect(xs(view, 'loss')).toEqual([1, 2]);
    expect(ys(view, 'valTop1')).toEqual([0.6]);
    expect(xs(view, 'trainLoss')).toEqual([1]);
    expect(view.etaSeconds).toBe(28);
    expect(runProgress(view)).toBeCloseTo(2 / 30);
    expect(view.bestValTop1).toBe(0.6);
  });

  it('leaves validation series empty when there is no validation set', () => {
    const view = fold([start(), step(1), epoch(1, null)]);
    expect(ys(view, 'valTop1')).toEqual([]);
    expect(ys(view, 'trainTop1')).toEqual([0.4]);
  });

  it('keeps the latest epoch’s validation confusion matrix, and none from runs logged without one', () => {
    expect(fold([start(), epoch(1, 0.5)]).validationConfusion).toBeNull();
    const view = fold([start(), epoch(1, 0.5, [[2, 0], [1, 1]]), epoch(2, 0.75, [[1, 1], [0, 2]]), epoch(3, null)]);
    expect(view.validationConfusion).toEqual({ epoch: 2, matrix: [[1, 1], [0, 2]] });
    // Resuming at epoch 2 drops the matrix of the epoch the new process does again.
    expect(foldTrainEvent(view, start({ resumedFrom: { epoch: 2, step: 3 } })).validationConfusion).toBeNull();
    expect(foldTrainEvent(view, start({ resumedFrom: { epoch: 3, step: 0 } })).validationConfusion).toEqual(view.validationConfusion);
  });

  it('keeps the best and last checkpoints and the best accuracy', () => {
    const view = fold([
      start(),
      epoch(1, 0.6),
      { type: 'checkpoint', kind: 'last', epoch: 1, path: '/runs/r1/checkpoints/last' },
      { type: 'checkpoint', kind: 'best', epoch: 1, path: '/runs/r1/checkpoints/best' },
      epoch(2, 0.5),
    ]);
    expect(view.lastCheckpoint).toBe('/runs/r1/checkpoints/last');
    expect(view.bestCheckpoint).toBe('/runs/r1/checkpoints/best');
    expect(view.bestEpoch).toBe(1);
    expect(view.bestValTop1).toBe(0.6);
  });

  it('follows pause, resume and the end of a run', () => {
    let view = fold([start(), { type: 'paused' }]);
    expect(view.status).toBe('paused');
    expect(isRunActive(view.status)).toBe(true);
    view = fold([{ type: 'resumed' }, { type: 'done', reason: 'completed', epochs: 3, bestValTop1: 0.7, lastCheckpoint: '/c' }], view);
    expect(view.status).toBe('completed');
    expect(isRunActive(view.status)).toBe(false);
    expect(runProgress(view)).toBe(1);
    expect(view.lastCheckpoint).toBe('/c');
  });

  it('records an error with its message and last checkpoint', () => {
    const view = fold([start(), { type: 'error', message: 'out of memory', lastCheckpoint: '/c' }]);
    expect(view.status).toBe('failed');
    expect(view.failure).toBe('out of memory');
    expect(view.logs.at(-1)).toEqual({ level: 'error', message: 'out of memory' });
  });

  it('drops points past the checkpoint a resumed run starts from', () => {
    const before = fold([start(), ...Array.from({ length: 14 }, (_, i) => step(i + 1)), epoch(1, 0.5)]);
    // Checkpoint after epoch 1: the new process resumes at epoch 2, step 0 (global step 10).
    const resumed = foldTrainEvent(before, start({ resumedFrom: { epoch: 2, step: 0 } }));
    expect(xs(resumed, 'loss')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(xs(resumed, 'valTop1')).toEqual([1]);
    expect(resumed.globalStep).toBe(10);
    expect(fold([step(11, 0.3)], resumed).series.loss.length).toBe(11);
  });

  it('folds tens of thousands of steps quickly without copying the whole series each time', () => {
    const events = Array.from({ length: 30_000 }, (_, i) => step(i + 1, 1 / (i + 1)));
    const view = fold([start({ totalSteps: 30_000 }), ...events]);
    expect(view.series.loss.length).toBe(30_000);
    expect(seriesPoints(view.series.loss)[29_999]).toEqual({ x: 30_000, y: 1 / 30_000 });
  });

  it('does not change the view it was given', () => {
    const view = fold([start()]);
    const copy = structuredClone(view);
    foldTrainEvent(view, step(1));
    expect(view).toEqual(copy);
  });
});

describe('foldCrash', () => {
  it('marks the run crashed and keeps the last checkpoint', () => {
    const view = foldCrash(fold([start(), { type: 'checkpoint', kind: 'last', epoch: 1, path: '/c' }]), { message: 'killed', lastCheckpoint: null });
    expect(view.status).toBe('crashed');
    expect(view.failure).toBe('killed');
    expect(view.lastCheckpoint).toBe('/c');
    expect(isRunActive(view.status)).toBe(false);
  });

  it('prefers the run’s own last checkpoint over the host’s report', () => {
    const view = foldCrash(fold([start(), { type: 'checkpoint', kind: 'last', epoch: 1, path: '/last' }]), { message: 'killed', lastCheckpoint: '/best' });
    expect(view.lastCheckpoint).toBe('/last');
    expect(foldCrash(fold([start()]), { message: 'killed', lastCheckpoint: '/c' }).lastCheckpoint).toBe('/c');
  });
});
