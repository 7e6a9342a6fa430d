import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../app/training/defaults';
import { createExperimentStore } from './experimentStore';

const queue = { paused: false, runs: [{ id: 'a-seed1', state: 'running' as const }] };

describe('experiment store', () => {
  it('keeps each experiment\'s queue and the progress of its running runs, bumping the revision when results change', () => {
    const store = createExperimentStore();
    const { apply } = store.getState();
    apply('exp', { type: 'queue', queue });
    apply('exp', { type: 'train', runId: 'a-seed1', event: { type: 'start', runId: 'a-seed1', runDir: '/r', backend: 'wasm', device: 'cpu', stepsPerEpoch: 4, totalSteps: 12, config: defaultTrainConfig } });
    apply('exp', { type: 'train', runId: 'a-seed1', event: { type: 'step', epoch: 2, step: 3, globalStep: 7, lr: 0.1, imagesPerSecond: 5, etaSeconds: 30, loss: 1, top1: 0.5, top5: 0.9 } });
    expect(store.getState().live.exp).toEqual({ queue, revision: 1, progress: { 'a-seed1': { epoch: 2, epochs: 3, step: 3, stepsPerEpoch: 4, etaSeconds: 30 } } });
    apply('exp', { type: 'train', runId: 'a-seed1', event: { type: 'epoch', epoch: 2, train: { loss: 1, top1: 0.5, top5: 0.9 }, validation: null, lr: 0.1, seconds: 3 } });
    expect(store.getState().live.exp.revision).toBe(2);
    apply('exp', { type: 'run-end', runId: 'a-seed1', state: 'completed' });
    expect(store.getState().live.exp).toMatchObject({ progress: {}, revision: 3 });
    expect(store.getState().live.other).toBeUndefined();
  });

  it('opens one view at a time', () => {
    const store = createExperimentStore();
    store.getState().open({ kind: 'new', prefill: null });
    store.getState().open({ kind: 'view', id: 'exp' });
    expect(store.getState().view).toEqual({ kind: 'view', id: 'exp' });
    store.getState().close();
    expect(store.getState().view).toBeNull();
  });
});
