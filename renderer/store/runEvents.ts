/**
 * Folds a run's TrainEvents into what the training panel shows: status, progress, checkpoints
 * and the chart series. Pure: every function returns a new view and leaves its input alone.
 */

import { METRIC_NAMES, type MetricName } from '../../app/training/hyperparameters';
import type { ProgressEvent } from '../../app/training/progress';
import type { ScanReport, StepMetrics, TrainConfig, TrainEvent } from '../../app/training/types';
import { appendPoint, emptySeries, truncateSeries, type Series } from './runSeries';

export type RunStatus = 'starting' | 'running' | 'paused' | 'stopping' | 'completed' | 'cancelled' | 'failed' | 'crashed';

/** Per-step series (every metric, the rate, the speed) use the global step as x. */
export type StepSeriesName = MetricName | 'lr' | 'imagesPerSecond';
/** Per-epoch series (every metric, on the training and the validation images) use the epoch number (1-based). */
export type EpochSeriesName = `${'train' | 'val'}${Capitalize<MetricName>}`;
export type SeriesName = StepSeriesName | EpochSeriesName;

const epochSeries = (split: 'train' | 'val', metric: MetricName): EpochSeriesName => `${split}${metric[0].toUpperCase()}${metric.slice(1)}` as EpochSeriesName;

const STEP_SERIES: readonly StepSeriesName[] = [...METRIC_NAMES, 'lr', 'imagesPerSecond'];
const EPOCH_SERIES: readonly EpochSeriesName[] = (['train', 'val'] as const).flatMap((split) => METRIC_NAMES.map((metric) => epochSeries(split, metric)));

/** One split's metrics as the points of its epoch series. */
const epochValues = (split: 'train' | 'val', metrics: StepMetrics): Partial<Record<SeriesName, number>> =>
  Object.fromEntries(METRIC_NAMES.map((metric) => [epochSeries(split, metric), metrics[metric]]));

export interface RunLogLine {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface ValidationConfusion {
  epoch: number;
  matrix: readonly (readonly number[])[];
}

export interface RunView {
  runId: string;
  runDir: string;
  status: RunStatus;
  backend: string | null;
  device: string | null;
  /** Data-parallel replicas the run trains with (wasm worker threads); 1 for one instance. */
  workers: number;
  config: TrainConfig | null;
  classNames: readonly string[];
  scan: ScanReport | null;
  /** The dataset's files being checked before the first step; null once training starts. */
  scanProgress: Pick<ProgressEvent, 'done' | 'total' | 'etaSeconds'> | null;
  stepsPerEpoch: number;
  totalSteps: number;
  epoch: number;
  globalStep: number;
  etaSeconds: number | null;
  imagesPerSecond: number | null;
  /** The data pipeline's own pace (decode, crop, flip), to compare with `imagesPerSecond`. */
  pipelineImagesPerSecond: number | null;
  lastCheckpoint: string | null;
  bestCheckpoint: string | null;
  bestEpoch: number | null;
  bestValTop1: number | null;
  /** The latest epoch's confusion matrix on the held-out validation images (`matrix[true][predicted]`, in `classNames` order). */
  validationConfusion: ValidationConfusion | null;
  /** Why the run failed or its process crashed. */
  failure: string | null;
  logs: readonly RunLogLine[];
  series: Readonly<Record<SeriesName, Series>>;
}

/** Log lines kept per run; older ones are dropped. */
const MAX_LOG_LINES = 200;

const ENDED: readonly RunStatus[] = ['completed', 'cancelled', 'failed', 'crashed'];

export function isRunActive(status: RunStatus): boolean {
  return !ENDED.includes(status);
}

export function newRunView(runId: string, runDir: string): RunView {
  const series = Object.fromEntries([...STEP_SERIES, ...EPOCH_SERIES].map((name) => [name, emptySeries])) as Record<SeriesName, Series>;
  return {
    runId,
    runDir,
    status: 'starting',
    backend: null,
    device: null,
    workers: 1,
    config: null,
    classNames: [],
    scan: null,
    scanProgress: null,
    stepsPerEpoch: 0,
    totalSteps: 0,
    epoch: 0,
    globalStep: 0,
    etaSeconds: null,
    imagesPerSecond: null,
    pipelineImagesPerSecond: null,
    lastCheckpoint: null,
    bestCheckpoint: null,
    bestEpoch: null,
    bestValTop1: null,
    validationConfusion: null,
    failure: null,
    logs: [],
    series,
  };
}

function addLog(view: RunView, line: RunLogLine): readonly RunLogLine[] {
  const logs = [...view.logs, line];
  return logs.length > MAX_LOG_LINES ? logs.slice(logs.length - MAX_LOG_LINES) : logs;
}

function appendAll(series: RunView['series'], x: number, values: Partial<Record<SeriesName, number>>): RunView['series'] {
  const next = { ...series };
  for (const [name, y] of Object.entries(values) as [SeriesName, number][]) next[name] = appendPoint(next[name], { x, y });
  return next;
}

/** A resumed run starts after its checkpoint: drop what the old process drew past it. */
function resumeAt(view: RunView, stepsPerEpoch: number, from: { epoch: number; step: number }): RunView['series'] {
  const globalStep = (from.epoch - 1) * stepsPerEpoch + from.step;
  const completedEpochs = from.epoch - 1;
  const series = { ...view.series };
  for (const name of STEP_SERIES) series[name] = truncateSeries(series[name], globalStep);
  for (const name of EPOCH_SERIES) series[name] = truncateSeries(series[name], completedEpochs);
  return series;
}

export function foldTrainEvent(view: RunView, event: TrainEvent): RunView {
  switch (event.type) {
    case 'scan':
      return { ...view, scan: event.report, scanProgress: null };
    case 'progress':
      return { ...view, scanProgress: { done: event.done, total: event.total, etaSeconds: event.etaSeconds } };
    case 'start': {
      const resumed = event.resumedFrom;
      return {
        ...view,
        runDir: event.runDir,
        status: 'running',
        backend: event.backend,
        device: event.device,
        workers: event.workers ?? 1,
        config: event.config,
        classNames: event.classNames ?? view.classNames,
        stepsPerEpoch: event.stepsPerEpoch,
        totalSteps: event.totalSteps,
        failure: null,
        series: resumed ? resumeAt(view, event.stepsPerEpoch, resumed) : view.series,
        validationConfusion: resumed && view.validationConfusion && view.validationConfusion.epoch >= resumed.epoch ? null : view.validationConfusion,
        globalStep: resumed ? (resumed.epoch - 1) * event.stepsPerEpoch + resumed.step : 0,
        epoch: resumed ? resumed.epoch - 1 : 0,
        logs: resumed ? addLog(view, { level: 'info', message: `Resumed at epoch ${resumed.epoch}, step ${resumed.step}.` }) : view.logs,
      };
    }
    case 'step':
      return {
        ...view,
        status: view.status === 'starting' ? 'running' : view.status,
        epoch: event.epoch,
        globalStep: event.globalStep,
        etaSeconds: event.etaSeconds,
        imagesPerSecond: event.imagesPerSecond,
        pipelineImagesPerSecond: event.pipelineImagesPerSecond ?? null,
        series: appendAll(view.series, event.globalStep, { ...Object.fromEntries(METRIC_NAMES.map((metric) => [metric, event[metric]])), lr: event.lr, imagesPerSecond: event.imagesPerSecond }),
      };
    case 'epoch': {
      const values = { ...epochValues('train', event.train), ...(event.validation ? epochValues('val', event.validation) : {}) };
      const best = event.validation && (view.bestValTop1 === null || event.validation.top1 > view.bestValTop1) ? event.validation.top1 : view.bestValTop1;
      const validationConfusion = event.validationConfusion ? { epoch: event.epoch, matrix: event.validationConfusion } : view.validationConfusion;
      return { ...view, epoch: event.epoch, bestValTop1: best, validationConfusion, series: appendAll(view.series, event.epoch, values) };
    }
    case 'checkpoint':
      return event.kind === 'last' ? { ...view, lastCheckpoint: event.path } : { ...view, bestCheckpoint: event.path, bestEpoch: event.epoch };
    case 'paused':
      return { ...view, status: 'paused' };
    case 'resumed':
      return { ...view, status: 'running' };
    case 'done':
      return {
        ...view,
        status: event.reason,
        etaSeconds: event.reason === 'completed' ? 0 : view.etaSeconds,
        bestValTop1: event.bestValTop1 ?? view.bestValTop1,
        lastCheckpoint: event.lastCheckpoint ?? view.lastCheckpoint,
      };
    case 'error':
      return { ...view, status: 'failed', failure: event.message, lastCheckpoint: event.lastCheckpoint ?? view.lastCheckpoint, logs: addLog(view, { level: 'error', message: event.message }) };
    case 'log':
      return { ...view, logs: addLog(view, { level: event.level, message: event.message }) };
  }
}

/** The run's process ended without a final event. */
export function foldCrash(view: RunView, crash: { message: string; lastCheckpoint: string | null }): RunView {
  return {
    ...view,
    status: 'crashed',
    failure: crash.message,
    // The run's own `last` checkpoint events come first; the host's report covers a run whose events this window missed.
    lastCheckpoint: view.lastCheckpoint ?? crash.lastCheckpoint,
    logs: addLog(view, { level: 'error', message: crash.message }),
  };
}

/** A stop was asked for; the run ends with its `done` event once the checkpoint is written. */
export function markStopping(view: RunView): RunView {
  return isRunActive(view.status) ? { ...view, status: 'stopping' } : view;
}

/** Fraction of the run done, 0…1. */
export function runProgress(view: RunView): number {
  if (view.status === 'completed') return 1;
  return view.totalSteps > 0 ? Math.min(1, view.globalStep / view.totalSteps) : 0;
}
