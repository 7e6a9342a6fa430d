/**
 * The shareable report: what was asked and why, the comparison table (mean ± sd over seeds),
 * the figures, every run with the exact settings it trained with, and how to run it again.
 */

import { DEFAULT_TARGET_ACCURACY } from '../types';
import type { ExperimentPlan } from '../plan';
import { remainingTime } from './remainingTime';
import type { RunResult } from './runResult';
import { millions, percent, statisticText } from './reportText';
import type { CurveMetric, VariantSummary } from './variantSummary';

/** The figures every report has, by file name. */
export const REPORT_FIGURES: readonly { file: string; title: string; yLabel: string; metric: CurveMetric; percent: boolean }[] = [
  { file: 'top1.svg', title: 'Validation top-1 accuracy (mean, band: lowest to highest seed)', yLabel: 'top-1 %', metric: { name: 'top1', split: 'validation' }, percent: true },
  { file: 'loss.svg', title: 'Validation loss (mean, band: lowest to highest seed)', yLabel: 'loss', metric: { name: 'loss', split: 'validation' }, percent: false },
  { file: 'train-loss.svg', title: 'Training loss (mean, band: lowest to highest seed)', yLabel: 'loss', metric: { name: 'loss', split: 'train' }, percent: false },
];

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${header.map(cell).join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
];

/** A line saying the experiment is not done yet, and how long the rest should take at the speed so far. */
function unfinished(results: readonly RunResult[], epochs: number): string[] {
  const left = remainingTime(results, epochs);
  const toGo = results.filter((r) => r.queued.state === 'queued' || r.queued.state === 'running').length;
  if (toGo === 0) return [];
  const time = left === null ? '' : `, about ${Math.ceil(left.seconds / 60)} min at the speed so far`;
  return [`**Unfinished:** ${toGo} of ${results.length} runs still to go${time}; run the experiment again to continue it.`, ''];
}

export interface ReportInput {
  plan: ExperimentPlan;
  results: readonly RunResult[];
  summaries: readonly VariantSummary[];
  /** When the report was written (ISO 8601). */
  writtenAt: string;
}

export function reportMarkdown({ plan, results, summaries, writtenAt }: ReportInput): string {
  const { spec } = plan;
  const target = spec.targetAccuracy ?? DEFAULT_TARGET_ACCURACY;
  const backends = [...new Set(results.map((r) => r.backend).filter((b): b is string => b !== null))];
  const lines: string[] = [`# ${spec.name}`, ''];
  if (spec.description) lines.push(spec.description, '');
  if (spec.figure) lines.push(`*Echoes:* ${spec.figure}.`, '');
  lines.push(
    '## What stayed fixed',
    '',
    `- data: ${plan.data ?? 'the bundled Fashion-MNIST sample'}${plan.validation ? `; validation: ${plan.validation}` : ''}`,
    `- epochs: ${spec.fixed.epochs}${spec.fixed.budgetMinutes === undefined ? '' : `; at most ${spec.fixed.budgetMinutes} min per run`}`,
    `- seeds: ${spec.seeds.join(', ')} (one run per variant and seed)`,
    ...(spec.fixed.options ? [`- preset options: \`${JSON.stringify(spec.fixed.options)}\``] : []),
    ...(spec.fixed.training ? [`- training settings: \`${JSON.stringify(spec.fixed.training)}\``] : []),
    `- backend: ${backends.length > 0 ? backends.join('; ') : 'not started yet'}`,
    '',
    '## Results',
    '',
    ...unfinished(results, spec.fixed.epochs),
    `Mean ± sample standard deviation over the seeds whose run completed; validation metrics after the last epoch. "To ${percent(target)}": the first epoch whose validation top-1 reached ${percent(target)}, over the runs that reached it.`,
    '',
    ...table(
      ['variant', 'runs done', 'params', 'MACs', 'final top-1', 'best top-1', 'final loss', 'final train loss', `reached ${percent(target)}`, 'epochs to it', 'time to it', 'time per epoch'],
      summaries.map((s) => [
        s.variant,
        `${s.completed}/${s.runs}`,
        millions(s.params),
        millions(s.macs),
        statisticText(s.finalTop1, 'accuracy'),
        statisticText(s.bestTop1, 'accuracy'),
        statisticText(s.finalLoss, 'loss'),
        statisticText(s.finalTrainLoss, 'loss'),
        `${s.reached}/${s.runs}`,
        statisticText(s.epochsToTarget, 'epochs'),
        statisticText(s.secondsToTarget, 'seconds'),
        statisticText(s.secondsPerEpoch, 'seconds'),
      ]),
    ),
    '',
    'The same numbers, unrounded: [summary.csv](summary.csv); one row per run: [runs.csv](runs.csv).',
    '',
    '## Figures',
    '',
    ...REPORT_FIGURES.flatMap((figure) => [`![${figure.title}](${figure.file})`, '']),
    '## Runs',
    '',
    ...table(
      ['run', 'variant', 'seed', 'state', 'epochs', 'final top-1', 'best top-1', 'time', 'folder'],
      results.map((r) => [
        r.run.id,
        r.run.variant,
        String(r.run.seed),
        r.queued.message ? `${r.queued.state} (${r.queued.message})` : r.queued.state,
        String(r.curve.length),
        r.final ? percent(r.final.top1) : '—',
        r.bestTop1 === null ? '—' : percent(r.bestTop1),
        r.curve.length > 0 ? `${(r.curve.at(-1)?.seconds ?? 0).toFixed(0)} s` : '—',
        `../runs/${r.run.id}`,
      ]),
    ),
    '',
    '## Exact settings of every run',
    '',
    'The design each run trained is in its folder (`run.json`, with the classifier sized to the data); the settings below are the ones the trainer used, defaults filled in.',
    '',
  );
  for (const r of results) {
    const options = Object.keys(r.run.options).length > 0 ? ` with options \`${JSON.stringify(r.run.options)}\`` : '';
    lines.push(`- **${r.run.id}**: ${r.run.design}${options}; settings \`${JSON.stringify(r.config ?? r.run.config)}\``);
  }
  lines.push(
    '',
    '## Run it again',
    '',
    'The spec as run, its paths made absolute, is [spec.json](spec.json) (the whole plan, designs included, is `../experiment.json`). From the Studio folder:',
    '',
    '```',
    'npm run -s cli -- experiment REPORT_FOLDER/spec.json --out NEW_FOLDER',
    '```',
    '',
    `Written ${writtenAt}.`,
    '',
  );
  return lines.join('\n');
}
