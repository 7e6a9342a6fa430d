/**
 * Writes an experiment's report from its folder: each run's `run.json` and `events.jsonl` read
 * with the one run reader, folded into results, and `report/` written — `report.md`, the SVG
 * figures, `runs.csv`, `summary.csv` and the rerunnable `spec.json` — each file atomically.
 * Works on an unfinished experiment too (the report then says which runs are missing).
 */

import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve, dirname } from 'node:path';
import { rerunnableSpec, type ExperimentPlan } from '../../experiments/plan';
import type { ExperimentQueue } from '../../experiments/queue';
import { curvesSvg } from '../../experiments/report/curvesSvg';
import { runsCsv, summaryCsv } from '../../experiments/report/reportCsv';
import { reportMarkdown, REPORT_FIGURES } from '../../experiments/report/reportMarkdown';
import { runResult, type RunResult } from '../../experiments/report/runResult';
import { summarizeVariants, variantCurves, type VariantSummary } from '../../experiments/report/variantSummary';
import { DEFAULT_TARGET_ACCURACY } from '../../experiments/types';
import { PRESET_PREFIX } from '../../presets/index';
import { readRunEvents, readRunRecord } from '../runs/runRecord';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { experimentPaths, experimentRunDir } from './experimentFolder';

export interface ExperimentReport {
  results: RunResult[];
  summaries: VariantSummary[];
  /** The report folder and its Markdown file. */
  dir: string;
  markdown: string;
}

/** Every run's result, in queue order (runs that never started have no curve). */
export async function readExperimentResults(dir: string, plan: ExperimentPlan, queue: ExperimentQueue): Promise<RunResult[]> {
  const target = plan.spec.targetAccuracy ?? DEFAULT_TARGET_ACCURACY;
  const results: RunResult[] = [];
  for (const queued of queue.runs) {
    const run = plan.runs.find((candidate) => candidate.id === queued.id);
    if (run === undefined) continue;
    const runDir = experimentRunDir(dir, run.id);
    const record = await readRunRecord(runDir);
    const log = record.ok ? await readRunEvents(runDir) : null;
    results.push(runResult(run, queued, record.ok ? record.value : null, log?.ok ? log.value.events : [], target));
  }
  return results;
}

export async function writeExperimentReport(dir: string, plan: ExperimentPlan, queue: ExperimentQueue, now = new Date()): Promise<ExperimentReport> {
  const results = await readExperimentResults(dir, plan, queue);
  const summaries = summarizeVariants(results);
  const reportDir = experimentPaths(dir).report;
  await mkdir(reportDir, { recursive: true });
  const specDir = plan.source.startsWith('template:') ? dir : dirname(plan.source);
  const spec = rerunnableSpec(plan, (design) => (design.startsWith(PRESET_PREFIX) || isAbsolute(design) ? design : resolve(specDir, design)));
  const files: [string, string][] = [
    ['report.md', reportMarkdown({ plan, results, summaries, writtenAt: now.toISOString() })],
    ['runs.csv', runsCsv(results)],
    ['summary.csv', summaryCsv(summaries)],
    ['spec.json', JSON.stringify(spec, null, 2) + '\n'],
    ...REPORT_FIGURES.map(({ file, title, yLabel, metric, percent }): [string, string] => [file, curvesSvg({ title, yLabel, percent, curves: variantCurves(results, metric) })]),
  ];
  for (const [name, text] of files) await writeFileAtomic(join(reportDir, name), text);
  return { results, summaries, dir: reportDir, markdown: join(reportDir, 'report.md') };
}
