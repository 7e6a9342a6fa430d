/**
 * The experiments store: which experiment view shows (the "New experiment" dialog, or the
 * queue and comparison of one experiment), and what the host's runners report live — each
 * experiment's queue and the progress of its running runs. Results themselves (curves, numbers)
 * are read from the host when an epoch or a run ends (`revision`), not kept twice.
 */

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentEvent } from '../../app/experiments/events';
import type { ExperimentQueue } from '../../app/experiments/queue';

/** What the dialog starts from: a finished run's design file, or nothing (a template or a blank spec). */
export interface ExperimentPrefill {
  designFile: string | null;
  designName: string;
}

export type ExperimentsView = { kind: 'new'; prefill: ExperimentPrefill | null } | { kind: 'view'; id: string | null };

export interface RunProgress {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** The trainer's estimate for the rest of the run. */
  etaSeconds: number | null;
}

export interface LiveExperiment {
  queue: ExperimentQueue | null;
  progress: Readonly<Record<string, RunProgress>>;
  /** Bumped when an epoch or a run ends or the queue changes: the views read the results again. */
  revision: number;
}

export interface ExperimentStoreState {
  view: ExperimentsView | null;
  live: Readonly<Record<string, LiveExperiment>>;
  open(view: ExperimentsView): void;
  close(): void;
  apply(id: string, event: ExperimentEvent): void;
}

export type ExperimentStore = StoreApi<ExperimentStoreState>;

const EMPTY: LiveExperiment = { queue: null, progress: {}, revision: 0 };

/** One runner event folded into its experiment's live state. */
export function foldExperimentEvent(live: LiveExperiment, event: ExperimentEvent): LiveExperiment {
  switch (event.type) {
    case 'queue':
      return { ...live, queue: event.queue, revision: live.revision + 1 };
    case 'run-start':
      return live;
    case 'run-end': {
      const { [event.runId]: _ended, ...progress } = live.progress;
      return { ...live, progress, revision: live.revision + 1 };
    }
    case 'train': {
      const train = event.event;
      const before = live.progress[event.runId] ?? { epoch: 0, epochs: 0, step: 0, stepsPerEpoch: 0, etaSeconds: null };
      if (train.type === 'start') {
        const epochs = train.stepsPerEpoch > 0 ? Math.round(train.totalSteps / train.stepsPerEpoch) : train.config.epochs;
        return { ...live, progress: { ...live.progress, [event.runId]: { ...before, epochs, stepsPerEpoch: train.stepsPerEpoch, epoch: train.resumedFrom?.epoch ?? 0 } } };
      }
      if (train.type === 'step') return { ...live, progress: { ...live.progress, [event.runId]: { ...before, epoch: train.epoch, step: train.step, etaSeconds: train.etaSeconds } } };
      if (train.type === 'epoch') return { ...live, progress: { ...live.progress, [event.runId]: { ...before, epoch: train.epoch } }, revision: live.revision + 1 };
      return live;
    }
  }
}

export function createExperimentStore(): ExperimentStore {
  return createStore<ExperimentStoreState>()((set) => ({
    view: null,
    live: {},
    open: (view) => set({ view }),
    close: () => set({ view: null }),
    apply: (id, event) => set((state) => ({ live: { ...state.live, [id]: foldExperimentEvent(state.live[id] ?? EMPTY, event) } })),
  }));
}
