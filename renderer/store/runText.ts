/** A run's state in words, for the status line of the training panel and the dock bar. */

import type { ProgressEvent, ProgressTask } from '../../app/training/progress';
import { runProgress, type RunView } from './runEvents';

const STATUS_TEXT: Readonly<Record<RunView['status'], string>> = {
  starting: 'Starting…',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping (writing a checkpoint)…',
  completed: 'Completed',
  cancelled: 'Stopped',
  failed: 'Failed',
  crashed: 'Trainer crashed',
};

/** `1 h 5 min`, `3 min 20 s`, `42 s`; a dash when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

const TASK_TEXT: Readonly<Record<ProgressTask, string>> = {
  scan: 'Checking the dataset…',
  evaluate: 'Evaluating…',
  predict: 'Predicting…',
  export: 'Exporting…',
};

/** `2,500/10,000 images · 25% · 30 s left` */
function progressParts(progress: Pick<ProgressEvent, 'done' | 'total' | 'etaSeconds'>, unit: string): string[] {
  const eta = progress.etaSeconds === null ? [] : [`${formatDuration(progress.etaSeconds)} left`];
  return [`${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')} ${unit}`, `${Math.round((progress.done / Math.max(1, progress.total)) * 100)}%`, ...eta];
}

/** `Evaluating… · 2,500/10,000 images · 25% · 30 s left` */
export function workProgressText(event: ProgressEvent): string {
  return [TASK_TEXT[event.task], ...progressParts(event, event.unit)].join(' · ');
}

/** `Training · run-id · step 12/90 · epoch 1/30 · 13% · 2 min 5 s left · 28.4 img/s`; before the first step, the dataset check. */
export function runStatusText(run: RunView): string {
  const scan = run.status === 'starting' ? run.scanProgress : null;
  if (scan) return [TASK_TEXT.scan, run.runId, ...progressParts(scan, 'images')].join(' · ');
  const parts = [
    STATUS_TEXT[run.status],
    run.runId,
    `step ${run.globalStep}/${run.totalSteps || '?'}`,
    `epoch ${run.epoch}/${run.config?.epochs ?? '?'}`,
    `${Math.round(runProgress(run) * 100)}%`,
  ];
  // Only a run that is training has a time left: paused, it would count down the pause.
  if (run.status === 'running' && run.etaSeconds !== null) parts.push(`${formatDuration(run.etaSeconds)} left`);
  if (run.imagesPerSecond !== null) parts.push(`${run.imagesPerSecond.toFixed(1)} img/s${run.pipelineImagesPerSecond === null ? '' : ` (data ${run.pipelineImagesPerSecond.toFixed(0)} img/s)`}`);
  return parts.join(' · ');
}
