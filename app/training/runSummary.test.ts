import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../protocol';
import { foldRunSummary, summarizeRun } from './runSummary';
import type { TrainEvent } from './types';

const start: RunSummary = { runId: 'r', runDir: '/runs/r', designName: 'net', designFile: null, startedAt: 't0', resumedAt: [], epochs: 0, bestValTop1: null, state: 'failed' };
const epoch = (n: number, top1: number | null): TrainEvent => ({
  type: 'epoch',
  epoch: n,
  train: { loss: 1, top1: 0.5, top5: 1 },
  validation: top1 === null ? null : { loss: 1, top1, top5: 1 },
  lr: 0.045,
  seconds: 1,
});

describe('run summary', () => {
  it('counts epochs and keeps the best validation accuracy', () => {
    expect(summarizeRun(start, [epoch(1, 0.4), epoch(2, 0.7), epoch(3, 0.6), epoch(4, null)])).toEqual({ ...start, epochs: 4, bestValTop1: 0.7 });
  });

  it('takes the final word from done and error events', () => {
    const done: TrainEvent = { type: 'done', reason: 'cancelled', epochs: 2, bestValTop1: 0.8, lastCheckpoint: null };
    expect(summarizeRun({ ...start, state: 'running' }, [epoch(1, 0.4), done])).toEqual({ ...start, state: 'cancelled', epochs: 2, bestValTop1: 0.8 });
    expect(summarizeRun({ ...start, state: 'running' }, [epoch(1, 0.4), { type: 'error', message: 'out of memory', lastCheckpoint: null }])).toMatchObject({ state: 'failed', epochs: 1 });
  });

  it('leaves a run without a final event as it started: interrupted on disk, running live', () => {
    expect(summarizeRun(start, [{ type: 'paused' }, epoch(1, null)]).state).toBe('failed');
    expect(foldRunSummary({ ...start, state: 'running' }, { type: 'log', level: 'info', message: 'x' })).toEqual({ ...start, state: 'running' });
  });
});
