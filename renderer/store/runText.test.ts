import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../app/training/defaults';
import { foldTrainEvent, newRunView } from './runEvents';
import { formatDuration, runStatusText, workProgressText } from './runText';

describe('run text', () => {
  it('formats durations', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('says where a run stands', () => {
    let run = newRunView('r1', '/runs/r1');
    expect(runStatusText(run)).toBe('Starting… · r1 · step 0/? · epoch 0/? · 0%');
    run = foldTrainEvent(run, { type: 'progress', task: 'scan', done: 2500, total: 10000, unit: 'images', elapsedSeconds: 10, etaSeconds: 30 });
    expect(runStatusText(run)).toBe('Checking the dataset… · r1 · 2,500/10,000 images · 25% · 30 s left');
    run = foldTrainEvent(run, { type: 'start', runId: 'r1', runDir: '/runs/r1', backend: 'wasm', device: 'CPU', stepsPerEpoch: 10, totalSteps: 20, config: { ...defaultTrainConfig, epochs: 2 } });
    run = foldTrainEvent(run, { type: 'step', epoch: 1, step: 5, globalStep: 5, lr: 0.045, imagesPerSecond: 28.44, etaSeconds: 125, loss: 1, top1: 0, top5: 1, pipelineImagesPerSecond: 450.4 });
    expect(runStatusText(run)).toBe('Training · r1 · step 5/20 · epoch 1/2 · 25% · 2 min 5 s left · 28.4 img/s (data 450 img/s)');
    run = foldTrainEvent(run, { type: 'paused' });
    expect(runStatusText(run)).toBe('Paused · r1 · step 5/20 · epoch 1/2 · 25% · 28.4 img/s (data 450 img/s)');
    run = foldTrainEvent(run, { type: 'resumed' });
    expect(runStatusText(run)).toContain('2 min 5 s left');
    run = foldTrainEvent(run, { type: 'done', reason: 'cancelled', epochs: 0, bestValTop1: null, lastCheckpoint: null });
    expect(runStatusText(run)).toBe('Stopped · r1 · step 5/20 · epoch 1/2 · 25% · 28.4 img/s (data 450 img/s)');
  });

  it('says how far a scan, evaluation or prediction has got', () => {
    expect(workProgressText({ type: 'progress', task: 'evaluate', done: 320, total: 3000, unit: 'images', elapsedSeconds: 4, etaSeconds: 33.5 })).toBe('Evaluating… · 320/3,000 images · 11% · 34 s left');
    expect(workProgressText({ type: 'progress', task: 'predict', done: 0, total: 64, unit: 'images', elapsedSeconds: 0, etaSeconds: null })).toBe('Predicting… · 0/64 images · 0%');
  });
});
