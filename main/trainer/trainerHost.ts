/**
 * Starts, streams, pauses, stops and watches training runs, one trainer process per run (the
 * training engineer's protocol: TrainerCommand in, TrainEvent out). A process that ends without
 * a final `done`/`error` event crashed: the UI hears 'trainer-crashed' with the last checkpoint,
 * the host stays usable (the next start launches a fresh process) and a crashed run can be
 * continued with `resumeRunDir`.
 */

import { basename, join } from 'node:path';
import type { HostEvent, Result, RunSummary, TrainRequest } from '../../app/protocol';
import type { TrainerCommand } from '../../app/training/processProtocol';
import { foldRunSummary } from '../../app/training/runSummary';
import type { TrainEvent } from '../../app/training/types';
import type { ChildChannel, LaunchProcess } from './processLauncher';
import { newRunId } from './runId';
import { readRunOnDisk } from './runsOnDisk';

export interface TrainerHostOptions {
  launch: LaunchProcess;
  /** The trainer process entry (app/engine/train/trainerProcess, built or .ts). */
  entry: string;
  /** New runs get a folder here. */
  runsRoot: string;
  emit(event: HostEvent): void;
  /** How long a stopped run may take to write its checkpoint before it is killed. */
  stopGraceMs?: number;
}

interface Run {
  summary: RunSummary;
  channel: ChildChannel;
  lastCheckpoint: string | null;
  /** Set once the trainer reported `done` or `error`: a later exit is the normal end. */
  finished: boolean;
  stopTimer?: ReturnType<typeof setTimeout>;
}

export interface TrainerHost {
  /** `roots`: the real folders the trainer holds paths found inside files to (a host's roots). */
  start(request: TrainRequest & { roots?: readonly string[] }): Promise<Result<{ runId: string; runDir: string }>>;
  command(runId: string, command: 'pause' | 'resume' | 'stop'): Result<null>;
  /** Runs started in this session, newest first. */
  sessionRuns(): RunSummary[];
  /** Stops every active run, killing those that outlast the grace period. */
  shutdown(): Promise<void>;
}

export const isTrainEvent = (value: unknown): value is TrainEvent =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

export function designNameOf(designText: string): string {
  try {
    const name = (JSON.parse(designText) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? name : 'design';
  } catch {
    return 'design';
  }
}

export function createTrainerHost(options: TrainerHostOptions): TrainerHost {
  const runs = new Map<string, Run>();
  const exits = new Map<string, Promise<void>>();
  const grace = options.stopGraceMs ?? 15_000;
  const active = (): Run | undefined => [...runs.values()].find((run) => run.summary.state === 'running');

  const onEvent = (run: Run, event: TrainEvent): void => {
    run.summary = foldRunSummary(run.summary, event);
    if (event.type === 'checkpoint' && event.kind === 'last') run.lastCheckpoint = event.path;
    if (event.type === 'done' || event.type === 'error') {
      run.finished = true;
      run.lastCheckpoint = event.lastCheckpoint ?? run.lastCheckpoint;
    }
    options.emit({ type: 'train', runId: run.summary.runId, event });
  };

  const onExit = (run: Run, code: number | null): void => {
    clearTimeout(run.stopTimer);
    if (run.finished) return;
    run.finished = true;
    const { summary } = run;
    if (run.stopTimer !== undefined) {
      // Stopped and killed after the grace period: the run ends as cancelled, as its own `done` would say.
      const event: TrainEvent = { type: 'done', reason: 'cancelled', epochs: summary.epochs, bestValTop1: summary.bestValTop1, lastCheckpoint: run.lastCheckpoint };
      run.summary = foldRunSummary(summary, event);
      options.emit({ type: 'train', runId: summary.runId, event });
      return;
    }
    run.summary = { ...summary, state: 'failed' };
    const how = code === null ? 'was killed by a signal' : `exited with code ${code}`;
    options.emit({
      type: 'trainer-crashed',
      runId: summary.runId,
      message: `The trainer process ${how} before the run finished${run.lastCheckpoint ? '; it can be resumed from its last checkpoint' : ''}.`,
      lastCheckpoint: run.lastCheckpoint,
    });
  };

  return {
    async start(request) {
      const running = active();
      if (running) return { ok: false, error: `Run ${running.summary.runId} is still training: stop it before starting another` };
      const designName = designNameOf(request.design);
      const runDir = request.resumeRunDir ?? join(options.runsRoot, await newRunId(options.runsRoot, designName));
      const runId = basename(runDir);
      // A resume keeps the run's first start and adds this one to its resumes.
      const earlier = request.resumeRunDir === undefined ? null : (runs.get(runId)?.summary ?? (await readRunOnDisk(runDir, runId)));
      const now = new Date().toISOString();

      const channel = options.launch(options.entry);
      const run: Run = {
        summary: {
          runId,
          runDir,
          designName: earlier?.designName ?? designName,
          designFile: earlier?.designFile ?? request.designFile ?? null,
          startedAt: earlier?.startedAt ?? now,
          resumedAt: earlier ? [...earlier.resumedAt, now] : [],
          epochs: earlier?.epochs ?? 0,
          bestValTop1: earlier?.bestValTop1 ?? null,
          state: 'running',
        },
        channel,
        lastCheckpoint: null,
        finished: false,
      };
      runs.set(runId, run);
      exits.set(runId, new Promise((resolve) => channel.onExit((code) => (onExit(run, code), resolve()))));
      channel.onMessage((message) => isTrainEvent(message) && onEvent(run, message));
      const { resumeRunDir, ...shared } = request;
      const command: TrainerCommand = { type: 'start', request: { ...shared, runDir, resume: resumeRunDir !== undefined } };
      channel.send(command);
      return { ok: true, value: { runId, runDir } };
    },

    command(runId, command) {
      const run = runs.get(runId);
      if (!run) return { ok: false, error: `No run "${runId}" in this session` };
      if (run.finished) return { ok: false, error: `Run ${runId} has already ended (${run.summary.state})` };
      run.channel.send({ type: command } satisfies TrainerCommand);
      if (command === 'stop' && run.stopTimer === undefined) run.stopTimer = setTimeout(() => run.channel.kill(), grace);
      return { ok: true, value: null };
    },

    sessionRuns() {
      return [...runs.values()].map((run) => ({ ...run.summary })).reverse();
    },

    async shutdown() {
      for (const run of runs.values()) if (!run.finished) this.command(run.summary.runId, 'stop');
      await Promise.all(exits.values());
    },
  };
}
