/**
 * How `train` shows a run: one redrawn progress line with an ETA on a terminal, a line per
 * epoch (and per tenth of an epoch) in a pipe, JSON lines with `--json`.
 */

import type { TrainEvent } from '../../training/types';
import type { CliIo } from '../types';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export type ProgressMode = 'tty' | 'plain' | 'json';

/** Returns the event handler and a `finish` that ends a pending progress line. */
export function progressPrinter(io: CliIo, mode: ProgressMode): { onEvent: (event: TrainEvent) => void; finish: () => void } {
  let stepsPerEpoch = 0;
  let epochs = 0;
  let lineOpen = false;
  // Back to the start of the line and clear it: the one control sequence the printer writes.
  const clearLine = (): void => (io.terminalControl ?? io.stdout)('\r\x1b[2K');
  const line = (text: string): void => {
    if (lineOpen) clearLine();
    lineOpen = false;
    io.stdout(`${text}\n`);
  };
  const onEvent = (event: TrainEvent): void => {
    if (mode === 'json') {
      io.stdout(`${JSON.stringify(event)}\n`);
      return;
    }
    switch (event.type) {
      case 'scan': {
        const { report } = event;
        line(`dataset: ${report.root} (${report.kind}) — ${report.total} images in ${report.classes.length} classes: ${report.classes.map((c) => `${c.name} ${c.count}`).join(', ')}`);
        for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
        return;
      }
      case 'start':
        stepsPerEpoch = event.stepsPerEpoch;
        epochs = event.config.epochs;
        line(`run ${event.runId} in ${event.runDir}\nbackend: ${event.backend} on ${event.device}; ${event.config.optimizer}, lr ${event.config.learningRate}, batch ${event.config.batchSize}, ${epochs} epochs of ${stepsPerEpoch} steps${event.resumedFrom ? `; resumed at epoch ${event.resumedFrom.epoch}, step ${event.resumedFrom.step}` : ''}`);
        return;
      case 'step': {
        const text = `epoch ${event.epoch}/${epochs} ${progressBar(event.step, stepsPerEpoch)} ${event.step}/${stepsPerEpoch}  loss ${event.loss.toFixed(4)}  top-1 ${percent(event.top1)}  lr ${event.lr.toPrecision(3)}  ${event.imagesPerSecond.toFixed(1)} img/s  ETA ${formatDuration(event.etaSeconds)}`;
        if (mode === 'tty') {
          clearLine();
          io.stdout(text);
          lineOpen = true;
        } else if (event.step === stepsPerEpoch || event.step % Math.max(1, Math.round(stepsPerEpoch / 10)) === 0) {
          line(text);
        }
        return;
      }
      case 'epoch': {
        const val = event.validation ? `  val loss ${event.validation.loss.toFixed(4)} top-1 ${percent(event.validation.top1)} top-5 ${percent(event.validation.top5)}` : '';
        line(`epoch ${event.epoch}/${epochs} done in ${formatDuration(event.seconds)}: loss ${event.train.loss.toFixed(4)} top-1 ${percent(event.train.top1)} top-5 ${percent(event.train.top5)}${val}`);
        return;
      }
      case 'checkpoint':
        if (event.kind === 'best') line(`  new best checkpoint: ${event.path}`);
        return;
      case 'paused':
      case 'resumed':
        line(event.type);
        return;
      case 'log':
        if (lineOpen) line('');
        io.stderr(`${event.level === 'warning' ? 'warning: ' : ''}${event.message}\n`);
        return;
      case 'done':
        line(`${event.reason === 'completed' ? 'finished' : 'stopped'} after ${event.epochs} epoch${event.epochs === 1 ? '' : 's'}${event.bestValTop1 === null ? '' : `; best val top-1 ${percent(event.bestValTop1)}`}${event.lastCheckpoint ? `\nlast checkpoint: ${event.lastCheckpoint}` : ''}`);
        return;
      case 'error':
        if (lineOpen) line('');
        io.stderr(`train: ${event.message}\n`);
        return;
    }
  };
  return { onEvent, finish: () => lineOpen && line('') };
}
