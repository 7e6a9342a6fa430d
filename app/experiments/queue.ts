/**
 * The queue of an experiment's runs, as data: what state each run is in and the order they
 * go in. Pure transitions; the runner keeps it on disk (`queue.json`) after every change, so an
 * app restart or a killed command line finds it as it was, a run left `running` included (it
 * resumes from its checkpoint).
 */

import type { Result } from '../result';
import type { ExperimentRun } from './types';

export const QUEUED_RUN_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type QueuedRunState = (typeof QUEUED_RUN_STATES)[number];

export interface QueuedRun {
  id: string;
  state: QueuedRunState;
  startedAt?: string;
  finishedAt?: string;
  /** Why it failed, or that the budget stopped it. */
  message?: string;
  /** The trainer process of a running run: a run left running by a killed runner may still be saving its checkpoint. */
  pid?: number;
}

export interface ExperimentQueue {
  /** A paused queue starts no run; the one that was running is back in the queue with its checkpoint. */
  paused: boolean;
  /** In the order they run. */
  runs: readonly QueuedRun[];
}

export function newQueue(runs: readonly ExperimentRun[]): ExperimentQueue {
  return { paused: false, runs: runs.map((run) => ({ id: run.id, state: 'queued' })) };
}

/** The run to start: one left running (interrupted) first, then the first queued, skipping those `taken` by a runner; none while paused. */
export function nextRun(queue: ExperimentQueue, taken: ReadonlySet<string> = new Set()): QueuedRun | undefined {
  if (queue.paused) return undefined;
  const free = queue.runs.filter((run) => !taken.has(run.id));
  return free.find((run) => run.state === 'running') ?? free.find((run) => run.state === 'queued');
}

export function updateRun(queue: ExperimentQueue, id: string, patch: Partial<Omit<QueuedRun, 'id'>>): ExperimentQueue {
  return { ...queue, runs: queue.runs.map((run) => (run.id === id ? { ...run, ...patch } : run)) };
}

/** Failed runs go back in the queue: running an experiment again retries them (from their checkpoints). */
export function retryFailed(queue: ExperimentQueue): ExperimentQueue {
  return { ...queue, runs: queue.runs.map((run) => (run.state === 'failed' ? { id: run.id, state: 'queued' } : run)) };
}

/** Moves a run to `index` in the order (clamped); only a run that has not started or finished may move. */
export function moveRun(queue: ExperimentQueue, id: string, index: number): Result<ExperimentQueue> {
  const from = queue.runs.findIndex((run) => run.id === id);
  if (from < 0) return { ok: false, error: `No run '${id}' in this experiment.` };
  if (queue.runs[from].state !== 'queued') return { ok: false, error: `Run '${id}' is ${queue.runs[from].state}; only queued runs can be moved.` };
  const runs = [...queue.runs];
  const [run] = runs.splice(from, 1);
  runs.splice(Math.max(0, Math.min(runs.length, Math.trunc(index))), 0, run);
  return { ok: true, value: { ...queue, runs } };
}

/** Cancels a queued or running run (the runner stops a running one after its current step). */
export function cancelRun(queue: ExperimentQueue, id: string, at: string): Result<ExperimentQueue> {
  const run = queue.runs.find((candidate) => candidate.id === id);
  if (run === undefined) return { ok: false, error: `No run '${id}' in this experiment.` };
  if (run.state !== 'queued' && run.state !== 'running') return { ok: false, error: `Run '${id}' is already ${run.state}.` };
  return { ok: true, value: updateRun(queue, id, { state: 'cancelled', finishedAt: at }) };
}

/** Runs still to do: queued or interrupted. */
export function remainingRuns(queue: ExperimentQueue): number {
  return queue.runs.filter((run) => run.state === 'queued' || run.state === 'running').length;
}
