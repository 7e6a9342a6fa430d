/**
 * Runs an experiment's queue one run after another (or a few side by side) through the ordinary
 * trainer, keeping the queue on disk after every change. A run left `running` by a killed process, or stopped by a
 * pause, continues from its checkpoint (its folder already holds `run.json`); failed runs are
 * retried when the experiment is started again. The trainer is passed in, so the command line
 * forks it and the desktop host uses its own trainer processes.
 */

import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ExperimentEvent } from '../../experiments/events';
import type { ExperimentPlan } from '../../experiments/plan';
import { cancelRun, moveRun, newQueue, nextRun, retryFailed, updateRun, type ExperimentQueue, type QueuedRunState } from '../../experiments/queue';
import type { ExperimentRun } from '../../experiments/types';
import { errorMessage, type Result } from '../../result';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent, TrainFailureKind } from '../../training/types';
import { runPaths } from '../runs/runRecord';
import { experimentPaths, experimentRunDir, readQueue, writeQueue } from './experimentFolder';

/** A started trainer, as far as the runner needs it (the engine's `TrainerHandle` is one). */
export interface RunProcess {
  pid?: number | undefined;
  /** Finish the current step, save a checkpoint, end. */
  stop(): void;
  exited: Promise<{ final: Extract<TrainEvent, { type: 'done' | 'error' }> | null; code: number | null; signal: NodeJS.Signals | null }>;
}

export type StartRun = (request: TrainerStartRequest, onEvent: (event: TrainEvent) => void) => RunProcess;

/** How the queue ended: all runs done, paused, interrupted (Ctrl-C, app quit), or a run's input was unusable (the rest would fail too). */
export type ExperimentOutcome = { type: 'finished'; failed: number } | { type: 'paused' } | { type: 'interrupted' } | { type: 'input-error'; message: string };

export interface ExperimentControl {
  /** Stops the running runs with a checkpoint (they go back in the queue) and starts no other until `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(runId: string): Promise<Result<null>>;
  move(runId: string, index: number): Promise<Result<null>>;
  /** Stops the running runs with a checkpoint and ends, leaving the queue as it is (the next start continues them). */
  interrupt(): void;
  queue(): ExperimentQueue;
  /** Settles when no run is running any more; `resume` starts a new round. */
  done(): Promise<ExperimentOutcome>;
}

export interface ExperimentRunnerOptions {
  dir: string;
  plan: ExperimentPlan;
  startRun: StartRun;
  onEvent?: (event: ExperimentEvent) => void;
  now?: () => Date;
  /** Runs side by side (default 1). */
  parallel?: number;
  /** The cores side-by-side runs share (default: this machine's). */
  cores?: number;
}

/**
 * Each run's wasm replicas when `parallel` runs share `cores`: its share of the cores, so that
 * runs side by side do not each start one thread per core; absent for one run at a time, which
 * takes the trainer's default (every core).
 */
export function workersPerRun(parallel: number, cores: number): number | undefined {
  return parallel > 1 ? Math.max(1, Math.floor(cores / parallel)) : undefined;
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A runner that was killed leaves its trainer to notice, finish its step and save a checkpoint;
 * its run starts again only once that process is gone, so two trainers never share a folder.
 */
async function untilGone(pid: number, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < end) await new Promise((done) => setTimeout(done, 200));
  if (isAlive(pid)) throw new Error(`the trainer process ${pid} of this run, left by an earlier start, is still running; stop it first.`);
}

/** The trainer request of one run: a folder that already holds the run continues it. */
async function runRequest(plan: ExperimentPlan, run: ExperimentRun, runDir: string, workers: number | undefined): Promise<{ request: TrainerStartRequest; resumed: boolean }> {
  const resumed = await exists(runPaths(runDir).record);
  const request: TrainerStartRequest = {
    design: plan.designs[run.variantId],
    runDir,
    runId: run.id,
    config: run.config,
    ...(resumed ? { resume: true } : {}),
    ...(plan.data === undefined ? {} : { data: plan.data }),
    ...(plan.validation === undefined ? {} : { validation: plan.validation }),
    ...(plan.backend === undefined ? {} : { backend: plan.backend }),
    ...(workers === undefined ? {} : { workers }),
  };
  return { request, resumed };
}

/** Opens the experiment's queue (made on the first start) and runs it. */
export async function startExperiment(options: ExperimentRunnerOptions): Promise<ExperimentControl> {
  const { dir, plan, startRun } = options;
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const emit = options.onEvent ?? (() => {});
  await mkdir(experimentPaths(dir).runs, { recursive: true });
  const stored = await readQueue(dir);
  if (stored !== null && !stored.ok) throw new Error(stored.error);
  let queue = retryFailed(stored?.value ?? newQueue(plan.runs));
  let writing = Promise.resolve();
  const save = (next: ExperimentQueue): Promise<void> => {
    queue = next;
    emit({ type: 'queue', queue });
    const snapshot = queue;
    writing = writing.then(() => writeQueue(dir, snapshot));
    return writing;
  };
  await save(queue);

  type Why = 'pause' | 'cancel' | 'interrupt' | 'budget';
  /** The runs being trained, and why each was asked to stop (if it was). */
  const active = new Map<string, { process: RunProcess; why: Why | null }>();
  /** Runs a worker has taken, from the moment it takes one (before any await), so no two take the same. */
  const claimed = new Set<string>();
  let interrupted = false;
  let inputError: string | null = null;
  let round: Promise<ExperimentOutcome> = Promise.resolve({ type: 'paused' });
  /** Runs side by side, and each one's wasm replicas. */
  const workers = Math.max(1, Math.trunc(options.parallel ?? 1));
  const replicas = workersPerRun(workers, options.cores ?? availableParallelism());

  /**
   * Runs `launch` after every launch asked for before it has finished: side-by-side runs start
   * in the order their workers took them (queue order), however long each one's request takes
   * to read from disk.
   */
  let launching: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(launch: () => Promise<T>): Promise<T> => {
    const turn = launching.then(launch);
    launching = turn.catch(() => undefined);
    return turn;
  };

  const runOne = async (run: ExperimentRun): Promise<{ kind?: TrainFailureKind; message?: string }> => {
    const runDir = experimentRunDir(dir, run.id);
    const earlier = queue.runs.find((r) => r.id === run.id);
    if (earlier?.pid !== undefined) await untilGone(earlier.pid);
    const entry = await inTurn(async () => {
      const { request, resumed } = await runRequest(plan, run, runDir, replicas);
      emit({ type: 'run-start', run, runDir, resumed });
      const launched: { process: RunProcess; why: Why | null } = { process: startRun(request, (event) => emit({ type: 'train', runId: run.id, event })), why: null };
      active.set(run.id, launched);
      return launched;
    });
    const { process } = entry;
    await save(updateRun(queue, run.id, { state: 'running', startedAt: earlier?.startedAt ?? now(), ...(process.pid === undefined ? {} : { pid: process.pid }) }));
    const budget = plan.spec.fixed.budgetMinutes;
    const timer = budget === undefined ? undefined : setTimeout(() => {
      entry.why = 'budget';
      process.stop();
    }, budget * 60_000);
    const exit = await process.exited.finally(() => clearTimeout(timer));
    const why = entry.why;
    active.delete(run.id);
    const end = (state: QueuedRunState, message?: string): Promise<void> => {
      emit({ type: 'run-end', runId: run.id, state, ...(message ? { message } : {}) });
      const { pid: _pid, ...rest } = queue.runs.find((r) => r.id === run.id) ?? { id: run.id };
      const finished = { ...rest, state, ...(state === 'queued' || state === 'running' ? {} : { finishedAt: now() }), ...(message ? { message } : {}) };
      return save({ ...queue, runs: queue.runs.map((r) => (r.id === run.id ? finished : r)) });
    };
    if (exit.final?.type === 'done') {
      if (exit.final.reason === 'completed') await end('completed');
      else if (why === 'budget') await end('completed', `stopped by the budget of ${budget} min after ${exit.final.epochs} epochs`);
      else if (why === 'cancel') await end('cancelled');
      else if (why === 'pause') await end('queued');
      // Interrupted: stays `running` on disk, so the next start continues it.
      else await end('running');
      return {};
    }
    const message = exit.final?.message ?? `the trainer process ended unexpectedly (${exit.signal ?? `exit code ${String(exit.code)}`})`;
    if (why === 'interrupt') return {};
    await end(why === 'cancel' ? 'cancelled' : 'failed', message);
    return { ...(exit.final?.kind ? { kind: exit.final.kind } : {}), message };
  };

  /** One worker: takes the next run nobody has taken until none is left, the queue pauses or a run's input is unusable. */
  const worker = async (): Promise<void> => {
    for (;;) {
      if (interrupted || inputError !== null) return;
      const next = nextRun(queue, claimed);
      if (next === undefined) return;
      claimed.add(next.id);
      try {
        const run = plan.runs.find((candidate) => candidate.id === next.id);
        if (run === undefined) {
          await save(updateRun(queue, next.id, { state: 'failed', message: 'not in experiment.json' }));
          continue;
        }
        const result = await runOne(run).catch((error: unknown) => ({ kind: 'failure' as const, message: errorMessage(error) }));
        if (result.kind === 'input') inputError ??= result.message ?? 'unusable input';
      } finally {
        claimed.delete(next.id);
      }
    }
  };
  const loop = async (): Promise<ExperimentOutcome> => {
    await Promise.all(Array.from({ length: workers }, worker));
    if (interrupted) return { type: 'interrupted' };
    if (inputError !== null) return { type: 'input-error', message: inputError };
    return queue.paused ? { type: 'paused' } : { type: 'finished', failed: queue.runs.filter((r) => r.state === 'failed').length };
  };
  round = loop();

  const stopRuns = (why: 'pause' | 'cancel' | 'interrupt', runId?: string): void => {
    for (const [id, entry] of active) {
      if (runId !== undefined && id !== runId) continue;
      entry.why = why;
      entry.process.stop();
    }
  };
  return {
    async pause() {
      await save({ ...queue, paused: true });
      stopRuns('pause');
    },
    async resume() {
      if (!queue.paused) return;
      await round;
      await save({ ...queue, paused: false });
      round = loop();
    },
    async cancel(runId) {
      const cancelled = cancelRun(queue, runId, now());
      if (!cancelled.ok) return cancelled;
      if (active.has(runId)) stopRuns('cancel', runId);
      else await save(cancelled.value);
      return { ok: true, value: null };
    },
    async move(runId, index) {
      const moved = moveRun(queue, runId, index);
      if (!moved.ok) return moved;
      await save(moved.value);
      return { ok: true, value: null };
    },
    interrupt() {
      interrupted = true;
      stopRuns('interrupt');
    },
    queue: () => queue,
    done: async () => {
      const outcome = await round;
      await writing;
      return outcome;
    },
  };
}
