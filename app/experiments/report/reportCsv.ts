/** The report's tables as CSV: one row per run (`runs.csv`) and one per variant (`summary.csv`), numbers unformatted. */

import type { RunResult } from './runResult';
import type { SeedStatistic } from './statistics';
import { csvField } from './reportText';
import type { VariantSummary } from './variantSummary';

const rows = (header: readonly string[], body: readonly (readonly (string | number | null)[])[]): string => [header, ...body].map((row) => row.map(csvField).join(',')).join('\n') + '\n';

export function runsCsv(results: readonly RunResult[]): string {
  return rows(
    ['run', 'variant', 'seed', 'state', 'epochs', 'final_top1', 'final_top5', 'final_loss', 'best_top1', 'final_train_loss', 'epochs_to_target', 'seconds_to_target', 'seconds', 'params', 'macs', 'design', 'settings'],
    results.map((r) => [
      r.run.id,
      r.run.variant,
      r.run.seed,
      r.queued.state,
      r.curve.length,
      r.final?.top1 ?? null,
      r.final?.top5 ?? null,
      r.final?.loss ?? null,
      r.bestTop1,
      r.finalTrain?.loss ?? null,
      r.toTarget?.epoch ?? null,
      r.toTarget?.seconds ?? null,
      r.curve.at(-1)?.seconds ?? null,
      r.params,
      r.macs,
      r.run.design,
      JSON.stringify(r.config ?? r.run.config),
    ]),
  );
}

const meanAndSd = (stat: SeedStatistic | null): [number | null, number | null] => [stat?.mean ?? null, stat?.sd ?? null];

export function summaryCsv(summaries: readonly VariantSummary[]): string {
  return rows(
    ['variant', 'runs', 'completed', 'params', 'macs', 'final_top1_mean', 'final_top1_sd', 'best_top1_mean', 'best_top1_sd', 'final_loss_mean', 'final_loss_sd', 'reached_target', 'epochs_to_target_mean', 'epochs_to_target_sd', 'seconds_to_target_mean', 'seconds_to_target_sd', 'seconds_per_epoch_mean'],
    summaries.map((s) => [
      s.variant,
      s.runs,
      s.completed,
      s.params,
      s.macs,
      ...meanAndSd(s.finalTop1),
      ...meanAndSd(s.bestTop1),
      ...meanAndSd(s.finalLoss),
      s.reached,
      ...meanAndSd(s.epochsToTarget),
      ...meanAndSd(s.secondsToTarget),
      s.secondsPerEpoch?.mean ?? null,
    ]),
  );
}
