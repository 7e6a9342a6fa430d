/**
 * One run's outcome, read from what its folder logged: the curve (one point per epoch, the
 * training time summed), the final and best metrics, when it first reached the target accuracy,
 * and the size of its network. Pure: the caller reads `run.json` and `events.jsonl`.
 */

import { analyze } from '../../analysis/analyze';
import { parseDesign } from '../../design/document';
import type { StepMetrics, TrainConfig, TrainEvent } from '../../training/types';
import type { QueuedRun } from '../queue';
import type { ExperimentRun } from '../types';

export interface EpochPoint {
  epoch: number;
  /** Training time up to the end of this epoch (validation included), summed over resumes. */
  seconds: number;
  train: StepMetrics;
  validation: StepMetrics | null;
}

export interface RunResult {
  run: ExperimentRun;
  queued: QueuedRun;
  /** The settings the trainer used (`run.json`); null before the run started. */
  config: TrainConfig | null;
  params: number | null;
  macs: number | null;
  backend: string | null;
  curve: readonly EpochPoint[];
  /** The last epoch's validation metrics (training metrics when the run has no validation). */
  final: StepMetrics | null;
  finalTrain: StepMetrics | null;
  bestTop1: number | null;
  /** The first epoch whose validation top-1 reached the target, and the time it took. */
  toTarget: { epoch: number; seconds: number } | null;
}

export interface RunFolderData {
  config: TrainConfig;
  /** The design document text the run trained (classifier sized to the data). */
  design: string;
}

/** The epoch events in order, a repeated epoch (trained again after a crash) counted once, its last time. */
function curveOf(events: readonly TrainEvent[]): EpochPoint[] {
  const byEpoch = new Map<number, Extract<TrainEvent, { type: 'epoch' }>>();
  for (const event of events) if (event.type === 'epoch') byEpoch.set(event.epoch, event);
  let seconds = 0;
  return [...byEpoch.values()]
    .sort((a, b) => a.epoch - b.epoch)
    .map((event) => {
      seconds += event.seconds;
      return { epoch: event.epoch, seconds, train: event.train, validation: event.validation };
    });
}

function networkSize(design: string): { params: number; macs: number } | null {
  const parsed = parseDesign(design);
  if (!parsed.ok) return null;
  const { totals } = analyze(parsed.value.document);
  return { params: totals.total, macs: totals.macs };
}

const measured = (point: EpochPoint): StepMetrics => point.validation ?? point.train;

/** The first epoch whose validation (else training) top-1 reached `target`, and the time it took; null when none did. */
export function reachOf(curve: readonly EpochPoint[], target: number): { epoch: number; seconds: number } | null {
  const reached = curve.find((point) => measured(point).top1 >= target);
  return reached ? { epoch: reached.epoch, seconds: reached.seconds } : null;
}

/** The results timed to another accuracy (the comparison view's, which the user picks). */
export function retarget(results: readonly RunResult[], target: number): RunResult[] {
  return results.map((result) => ({ ...result, toTarget: reachOf(result.curve, target) }));
}

export function runResult(run: ExperimentRun, queued: QueuedRun, folder: RunFolderData | null, events: readonly TrainEvent[], target: number): RunResult {
  const curve = curveOf(events);
  const size = folder ? networkSize(folder.design) : null;
  const last = curve.at(-1);
  const start = events.filter((event) => event.type === 'start').at(-1);
  return {
    run,
    queued,
    config: folder?.config ?? null,
    params: size?.params ?? null,
    macs: size?.macs ?? null,
    backend: start?.type === 'start' ? `${start.backend} on ${start.device}` : null,
    curve,
    final: last ? measured(last) : null,
    finalTrain: last?.train ?? null,
    bestTop1: curve.length > 0 ? Math.max(...curve.map((point) => measured(point).top1)) : null,
    toTarget: reachOf(curve, target),
  };
}
