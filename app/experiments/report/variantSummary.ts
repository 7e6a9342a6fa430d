/**
 * The comparison: each variant's completed runs (one per seed) folded into mean ± sd of the final
 * and best metrics, the time and epochs to the target accuracy over the runs that reached it, and
 * the curves' mean with a min–max band per epoch (every run, finished or not) for the figures.
 */

import type { MetricName } from '../../training/hyperparameters';
import type { RunResult } from './runResult';
import { seedStatistic, type SeedStatistic } from './statistics';

export interface VariantSummary {
  variant: string;
  variantId: string;
  runs: number;
  /** Runs that trained every epoch (or to the budget); the statistics below are over these. */
  completed: number;
  params: number | null;
  macs: number | null;
  finalTop1: SeedStatistic | null;
  finalLoss: SeedStatistic | null;
  bestTop1: SeedStatistic | null;
  finalTrainLoss: SeedStatistic | null;
  /** Over the runs that reached the target; `reached` says how many did. */
  epochsToTarget: SeedStatistic | null;
  secondsToTarget: SeedStatistic | null;
  reached: number;
  secondsPerEpoch: SeedStatistic | null;
}

/** One point of a figure: a variant's mean over seeds at an epoch, with the lowest and highest seed. */
export interface BandPoint {
  epoch: number;
  mean: number;
  min: number;
  max: number;
}

export interface VariantCurve {
  variant: string;
  points: readonly BandPoint[];
}

/** What a figure plots: validation (else training) top-1, validation loss, or training loss. */
export type CurveMetric = { name: MetricName; split: 'validation' | 'train' };

const numbers = (values: readonly (number | null | undefined)[]): number[] => values.filter((value): value is number => typeof value === 'number');

function variantsOf(results: readonly RunResult[]): { variant: string; variantId: string; runs: RunResult[] }[] {
  const groups = new Map<string, { variant: string; variantId: string; runs: RunResult[] }>();
  for (const result of results) {
    const group = groups.get(result.run.variantId) ?? { variant: result.run.variant, variantId: result.run.variantId, runs: [] };
    group.runs.push(result);
    groups.set(result.run.variantId, group);
  }
  return [...groups.values()];
}

export function summarizeVariants(results: readonly RunResult[]): VariantSummary[] {
  return variantsOf(results).map(({ variant, variantId, runs: all }) => {
    const sized = all.find((run) => run.params !== null);
    // A run stopped half-way would pull the final numbers down: they are over the completed runs.
    const runs = all.filter((run) => run.queued.state === 'completed');
    const reached = runs.filter((run) => run.toTarget !== null);
    return {
      variant,
      variantId,
      runs: all.length,
      completed: runs.length,
      params: sized?.params ?? null,
      macs: sized?.macs ?? null,
      finalTop1: seedStatistic(numbers(runs.map((run) => run.final?.top1))),
      finalLoss: seedStatistic(numbers(runs.map((run) => run.final?.loss))),
      bestTop1: seedStatistic(numbers(runs.map((run) => run.bestTop1))),
      finalTrainLoss: seedStatistic(numbers(runs.map((run) => run.finalTrain?.loss))),
      epochsToTarget: seedStatistic(numbers(reached.map((run) => run.toTarget?.epoch))),
      secondsToTarget: seedStatistic(numbers(reached.map((run) => run.toTarget?.seconds))),
      reached: reached.length,
      secondsPerEpoch: seedStatistic(numbers(runs.map((run) => (run.curve.length > 0 ? (run.curve.at(-1)?.seconds ?? 0) / run.curve.length : null)))),
    };
  });
}

/** Each variant's curve of `metric`: per epoch the mean, lowest and highest over the seeds that got there. */
export function variantCurves(results: readonly RunResult[], metric: CurveMetric): VariantCurve[] {
  return variantsOf(results).map(({ variant, runs }) => {
    const byEpoch = new Map<number, number[]>();
    for (const run of runs) {
      for (const point of run.curve) {
        const metrics = metric.split === 'validation' ? (point.validation ?? point.train) : point.train;
        byEpoch.set(point.epoch, [...(byEpoch.get(point.epoch) ?? []), metrics[metric.name]]);
      }
    }
    const points = [...byEpoch.entries()]
      .sort(([a], [b]) => a - b)
      .map(([epoch, values]) => {
        const stat = seedStatistic(values) as SeedStatistic;
        return { epoch, mean: stat.mean, min: stat.min, max: stat.max };
      });
    return { variant, points };
  });
}
