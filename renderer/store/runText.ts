/** A run's state in words, for the status line of the training panel and the dock bar. */

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

/** `Training · run-id · step 12/90 · epoch 1/30 · 13% · 2 min 5 s left · 28.4 img/s`. */
export function runStatusText(run: RunView): string {
  const parts = [
    STATUS_TEXT[run.status],
    run.runId,
    `step ${run.globalStep}/${run.totalSteps || '?'}`,
    `epoch ${run.epoch}/${run.config?.epochs ?? '?'}`,
    `${Math.round(runProgress(run) * 100)}%`,
  ];
  // Only a run that is training has a time left: paused, it would count down the pause.
  if (run.status === 'running' && run.etaSeconds !== null) parts.push(`${formatDuration(run.etaSeconds)} left`);
  if (run.imagesPerSecond !== null) parts.push(`${run.imagesPerSecond.toFixed(1)} img/s`);
  return parts.join(' · ');
}
