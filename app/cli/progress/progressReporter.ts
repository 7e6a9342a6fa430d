/**
 * The progress of a long command step (dataset scan, evaluation, prediction over many images,
 * export), on stderr so stdout keeps only the result: a bar with rate and ETA on a terminal,
 * a line per tenth in a pipe, `ProgressEvent` JSON lines with `--json`.
 *
 *   const progress = progressReporter(io, { task: 'export', unit: 'layers', json });
 *   await work({ onProgress: progress.update });
 *   progress.finish();
 */

import { estimateEta, progressEmitter, type ProgressCallback, type ProgressTask } from '../../training/progress';
import type { CliIo } from '../types';
import { progressLine } from './progressLine';
import { formatDuration, progressBar, type ProgressMode } from './progressText';

export interface ProgressOptions {
  task: ProgressTask;
  /** What is counted, plural: `images`, `files`. */
  unit: string;
  /** `--json` given: JSON lines instead of text. */
  json: boolean;
  /** Text before the bar; default the task. */
  label?: string;
  now?: () => number;
}

export interface ProgressReporter {
  update: ProgressCallback;
  /** Ends the progress line (a terminal keeps the last state). */
  finish(): void;
}

/** JSON events at most this often, besides the first and the last. */
const JSON_INTERVAL_MS = 500;

export function progressModeOf(io: CliIo, json: boolean): ProgressMode {
  return json ? 'json' : io.stderrIsTty ? 'tty' : 'plain';
}

function rateText(done: number, seconds: number, unit: string): string {
  if (seconds <= 0 || done === 0) return '';
  const rate = done / seconds;
  return `  ${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)} ${unit}/s`;
}

export function progressReporter(io: CliIo, options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const mode = progressModeOf(io, options.json);
  const started = now();
  const label = options.label ?? options.task;
  if (mode === 'json') {
    return { update: progressEmitter(options.task, options.unit, (event) => io.stderr(`${JSON.stringify(event)}\n`), JSON_INTERVAL_MS, now), finish: () => undefined };
  }
  const display = progressLine(io.stderr, mode, now);
  return {
    update(done, total) {
      const seconds = (now() - started) / 1000;
      const eta = estimateEta(done, total, seconds);
      const tail = done >= total ? ` in ${formatDuration(seconds)}` : `${rateText(done, seconds, options.unit)}  ETA ${eta === null ? '?' : formatDuration(eta)}`;
      display.progress(`${label} ${progressBar(done, total)} ${done}/${total} ${options.unit}${tail}`, done, total);
    },
    finish: () => display.finish(),
  };
}
