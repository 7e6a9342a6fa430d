/**
 * Progress of long work (dataset scans, evaluation, prediction over many images, exports): the
 * callback the engine calls, and the event a command prints with `--json`. Pure types and the
 * ETA arithmetic every display shares.
 */

export const PROGRESS_TASKS = ['scan', 'evaluate', 'predict', 'export'] as const;
export type ProgressTask = (typeof PROGRESS_TASKS)[number];

/** Told after each unit of work (an image checked, a batch evaluated): `done` of `total`. */
export type ProgressCallback = (done: number, total: number) => void;

export interface ProgressEvent {
  type: 'progress';
  task: ProgressTask;
  done: number;
  total: number;
  /** What is counted: `images`, `files`, `bytes`… */
  unit: string;
  elapsedSeconds: number;
  /** Null until there is a rate to go by. */
  etaSeconds: number | null;
}

/** Seconds left at the average rate so far; null before any work is done or time has passed. */
export function estimateEta(done: number, total: number, elapsedSeconds: number): number | null {
  if (done <= 0 || elapsedSeconds <= 0) return done >= total && total > 0 ? 0 : null;
  return Math.max(0, ((total - done) * elapsedSeconds) / done);
}

/** Passes on at most one update per `intervalMs`, and always the last (`done >= total`). */
export function throttleProgress(report: ProgressCallback, intervalMs: number, now: () => number = () => Date.now()): ProgressCallback {
  let last = -Infinity;
  return (done, total) => {
    const t = now();
    if (done < total && t - last < intervalMs) return;
    last = t;
    report(done, total);
  };
}

/** A callback that sends `ProgressEvent`s (elapsed time, ETA from the start), throttled as above. */
export function progressEmitter(task: ProgressTask, unit: string, emit: (event: ProgressEvent) => void, intervalMs: number, now: () => number = () => Date.now()): ProgressCallback {
  const started = now();
  return throttleProgress(
    (done, total) => {
      const elapsedSeconds = (now() - started) / 1000;
      emit({ type: 'progress', task, done, total, unit, elapsedSeconds, etaSeconds: estimateEta(done, total, elapsedSeconds) });
    },
    intervalMs,
    now,
  );
}
