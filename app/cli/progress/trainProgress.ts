/**
 * How `train` shows a run: one redrawn progress line with an ETA on a terminal, a line per
 * epoch (and per tenth of an epoch) in a pipe, JSON lines with `--json`.
 */

import { METRICS, metricText } from '../../training/hyperparameters';
import type { StepMetrics, TrainEvent } from '../../training/types';
import type { CliIo } from '../types';
import { progressLine, terminalControl } from './progressLine';
import { formatDuration, percent, progressBar, type ProgressMode } from './progressText';

/** 'loss 2.2000 top-1 37.5% top-5 62.5%'. */
const metricsText = (metrics: StepMetrics): string => METRICS.map((metric) => `${metric.label} ${metricText(metric, metrics[metric.name])}`).join(' ');

/** Returns the event handler and a `finish` that ends a pending progress line. */
export function progressPrinter(io: CliIo, mode: ProgressMode): { onEvent: (event: TrainEvent) => void; finish: () => void } {
  let stepsPerEpoch = 0;
  let epochs = 0;
  const display = progressLine(io.stdout, mode === 'tty' ? 'tty' : 'plain', undefined, terminalControl(io, 'stdout'));
  const { line } = display;
  const onEvent = (event: TrainEvent): void => {
    if (mode === 'json') {
      io.stdout(`${JSON.stringify(event)}\n`);
      return;
    }
    switch (event.type) {
      case 'progress': {
        const eta = event.etaSeconds === null ? '?' : formatDuration(event.etaSeconds);
        display.progress(`checking dataset ${progressBar(event.done, event.total)} ${event.done}/${event.total} ${event.unit}  ETA ${eta}`, event.done, event.total);
        return;
      }
      case 'scan': {
        const { report } = event;
        line(`dataset: ${report.root} (${report.kind}) — ${report.total} images in ${report.classes.length} classes: ${report.classes.map((c) => `${c.name} ${c.count}`).join(', ')}`);
        for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
        return;
      }
      case 'start':
        stepsPerEpoch = event.stepsPerEpoch;
        epochs = event.config.epochs;
        line(`run ${event.runId} in ${event.runDir}\nbackend: ${event.backend} on ${event.device}${(event.workers ?? 1) > 1 ? ` × ${event.workers} workers` : ''}; ${event.config.optimizer}, lr ${event.config.learningRate}, batch ${event.config.batchSize}, ${epochs} epochs of ${stepsPerEpoch} steps${event.resumedFrom ? `; resumed at epoch ${event.resumedFrom.epoch}, step ${event.resumedFrom.step}` : ''}`);
        return;
      case 'step':
        display.progress(
          `epoch ${event.epoch}/${epochs} ${progressBar(event.step, stepsPerEpoch)} ${event.step}/${stepsPerEpoch}  loss ${event.loss.toFixed(4)}  top-1 ${percent(event.top1)}  lr ${event.lr.toPrecision(3)}  ${event.imagesPerSecond.toFixed(1)} img/s${event.pipelineImagesPerSecond === undefined ? '' : ` (data ${event.pipelineImagesPerSecond.toFixed(0)} img/s)`}  ETA ${formatDuration(event.etaSeconds)}`,
          event.step,
          stepsPerEpoch,
        );
        return;
      case 'epoch': {
        const val = event.validation ? `  val ${metricsText(event.validation)}` : '';
        line(`epoch ${event.epoch}/${epochs} done in ${formatDuration(event.seconds)}: ${metricsText(event.train)}${val}`);
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
        display.finish();
        io.stderr(`${event.level === 'warning' ? 'warning: ' : ''}${event.message}\n`);
        return;
      case 'done':
        line(`${event.reason === 'completed' ? 'finished' : 'stopped'} after ${event.epochs} epoch${event.epochs === 1 ? '' : 's'}${event.bestValTop1 === null ? '' : `; best val top-1 ${percent(event.bestValTop1)}`}${event.lastCheckpoint ? `\nlast checkpoint: ${event.lastCheckpoint}` : ''}`);
        return;
      case 'error':
        display.finish();
        io.stderr(`train: ${event.message}\n`);
        return;
      default:
        return unhandled(event);
    }
  };
  return { onEvent, finish: display.finish };
}

function unhandled(event: never): never {
  throw new Error(`train: no display for event ${JSON.stringify(event)}`);
}
