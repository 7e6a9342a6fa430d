import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../app/training/defaults';
import { createRunStore, currentRun, designLockReason, isDesignLocked } from './runStore';

const startEvent = { type: 'start', runId: 'r1', runDir: '/runs/r1', backend: 'cpu', device: 'CPU', stepsPerEpoch: 2, totalSteps: 2, config: defaultTrainConfig } as const;

describe('run store', () => {
  it('locks the design while a run is active and unlocks it when the run ends', () => {
    const store = createRunStore();
    expect(isDesignLocked(store.getState())).toBe(false);
    store.getState().runStarted('r1', '/runs/r1');
    expect(isDesignLocked(store.getState())).toBe(true);
    expect(designLockReason(store.getState())).toMatch(/r1 is training/);
    store.getState().applyHostEvent({ type: 'train', runId: 'r1', event: startEvent });
    store.getState().applyHostEvent({ type: 'train', runId: 'r1', event: { type: 'done', reason: 'cancelled', epochs: 0, bestValTop1: null, lastCheckpoint: null } });
    expect(isDesignLocked(store.getState())).toBe(false);
    expect(designLockReason(store.getState())).toBeNull();
  });

  it('takes events that arrive before the start answer and keeps the run running', () => {
    const store = createRunStore();
    store.getState().applyHostEvent({ type: 'train', runId: 'r1', event: startEvent });
    store.getState().runStarted('r1', '/runs/r1');
    expect(currentRun(store.getState())?.status).toBe('running');
  });

  it('shows a trainer crash on its run and an engine crash on its own', () => {
    const store = createRunStore();
    store.getState().runStarted('r1', '/runs/r1');
    store.getState().applyHostEvent({ type: 'trainer-crashed', runId: 'r1', message: 'exited with code 1', lastCheckpoint: '/runs/r1/checkpoints/last' });
    const run = currentRun(store.getState());
    expect(run?.status).toBe('crashed');
    expect(run?.lastCheckpoint).toBe('/runs/r1/checkpoints/last');
    expect(isDesignLocked(store.getState())).toBe(false);
    store.getState().applyHostEvent({ type: 'trainer-crashed', runId: null, message: 'engine worker died', lastCheckpoint: null });
    expect(store.getState().engineCrash).toBe('engine worker died');
    // Resuming the crashed run makes it active again.
    store.getState().runStarted('r1', '/runs/r1');
    expect(currentRun(store.getState())?.status).toBe('starting');
  });

  it('toggles runs in and out of the comparison', () => {
    const store = createRunStore();
    store.getState().toggleCompared('a');
    store.getState().toggleCompared('b');
    store.getState().toggleCompared('a');
    expect(store.getState().compared).toEqual(['b']);
  });
});
