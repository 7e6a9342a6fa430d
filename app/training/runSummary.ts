/**
 * A run's summary (what the run list shows) folded from its events: the same pure fold for a
 * run training now (the trainer host, event by event) and for one read back from its folder
 * (`events.jsonl`, all at once).
 */

import type { RunSummary } from '../protocol';
import type { TrainEvent } from './types';

/** The summary after `event`; events that do not change it give it back unchanged. */
export function foldRunSummary(summary: RunSummary, event: TrainEvent): RunSummary {
  switch (event.type) {
    case 'epoch':
      return {
        ...summary,
        epochs: event.epoch,
        bestValTop1: event.validation ? Math.max(summary.bestValTop1 ?? 0, event.validation.top1) : summary.bestValTop1,
      };
    case 'done':
      return { ...summary, state: event.reason, epochs: event.epochs, bestValTop1: event.bestValTop1 };
    case 'error':
      return { ...summary, state: 'failed' };
    case 'scan':
    case 'start':
    case 'step':
    case 'checkpoint':
    case 'paused':
    case 'resumed':
    case 'log':
    case 'progress':
      return summary;
  }
}

/**
 * The summary of a logged run: `start` holds what the folder says before any event (a run read
 * back without a final event was interrupted: 'failed'; a live one is 'running').
 */
export function summarizeRun(start: RunSummary, events: readonly TrainEvent[]): RunSummary {
  return events.reduce(foldRunSummary, start);
}
