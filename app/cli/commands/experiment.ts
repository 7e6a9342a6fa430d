/**
 * `experiment`: runs an experiment spec or template headless — its runs one after another in
 * trainer processes, the queue kept in the experiment's folder — and writes the report. The same
 * command with the same folder continues an experiment that was stopped or killed.
 */

import { join, resolve } from 'node:path';
import type { ExperimentEvent } from '../../experiments/events';
import { variantSlug } from '../../experiments/expandExperiment';
import { samePlan } from '../../experiments/plan';
import { remainingRuns, type ExperimentQueue } from '../../experiments/queue';
import { remainingTime, type RemainingTime } from '../../experiments/report/remainingTime';
import { statisticText } from '../../experiments/report/reportText';
import { EXPERIMENT_TEMPLATES, TEMPLATE_PREFIX } from '../../experiments/templates';
import { PARALLEL_RUNS } from '../../experiments/types';
import { startTrainer } from '../../engine/train/trainerClient';
import { readPlan, readQueue, writePlan } from '../../node/experiments/experimentFolder';
import { startExperiment } from '../../node/experiments/experimentRunner';
import { loadExperimentSpec, planExperiment } from '../../node/experiments/loadExperiment';
import { readExperimentResults, writeExperimentReport } from '../../node/experiments/writeReport';
import { BACKEND_CHOICES, backendFlag, commandFailure, integerFlag, parseCommandArgs } from '../commandArgs';
import { formatDuration } from '../progress/progressText';
import { progressPrinter } from '../progress/trainProgress';
import type { CliCommand, CliIo } from '../types';

const options = {
  data: { type: 'string' },
  val: { type: 'string' },
  out: { type: 'string' },
  epochs: { type: 'string' },
  parallel: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const command: CliCommand = {
  summary: 'Run an experiment (several designs, settings or seeds compared) and write its report.',
  usage: [
    'Usage: inception-studio experiment <spec.json | template:NAME> [options]',
    '',
    `  template:NAME      a comparison from the paper: ${Object.keys(EXPERIMENT_TEMPLATES).join(', ')}`,
    '  --data DIR|CSV     dataset of every run (default: the spec\'s, else the bundled Fashion-MNIST sample)',
    '  --val DIR|CSV      separate validation set (default: the spec\'s, else a seeded split of the data)',
    '  --out DIR          the experiment\'s folder (default: experiments/<name>); give the same folder',
    '                     again to continue a stopped or killed experiment where it stopped',
    '  --epochs N         epochs of every run, instead of the spec\'s (a shorter trial)',
    '  --parallel N       runs side by side (default 1), sharing the cores: each trains on its share',
    `  --backend NAME     ${BACKEND_CHOICES} (default: the first that loads)`,
    '  --json             one JSON event per line (queue, run-start, train, run-end, report)',
    '',
    'The folder holds experiment.json (the plan), queue.json (each run\'s state), runs/<run id>/',
    'and report/ (report.md with the table and figures, runs.csv, summary.csv, spec.json).',
    'The spec format: docs/experiments.md. Ctrl-C stops the running run with a checkpoint.',
    'Exit status: 0 every run finished (or stopped by Ctrl-C); 1 a design has errors or a run failed;',
    '2 unusable input (spec, dataset, folder).',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('experiment', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    if (positionals.length !== 1) return fail(positionals.length === 0 ? `Missing the experiment: a spec file or ${TEMPLATE_PREFIX}NAME.` : `unexpected argument '${positionals[1]}'.`);
    const backend = backendFlag(values.backend);
    if (!backend.ok) return fail(backend.error);
    const epochs = integerFlag(values.epochs, 'epochs', 1);
    if (!epochs.ok) return fail(epochs.error);
    const parallelFlag = integerFlag(values.parallel, 'parallel', PARALLEL_RUNS.min, PARALLEL_RUNS.max);
    if (!parallelFlag.ok) return fail(parallelFlag.error);
    const parallel = parallelFlag.value ?? 1;
    const path = (flag: 'data' | 'val' | 'out'): string | undefined => (typeof values[flag] === 'string' ? resolve(io.cwd, values[flag]) : undefined);

    const loaded = await loadExperimentSpec(positionals[0], io.cwd);
    if (!loaded.ok) return fail(loaded.error.message);
    const spec = epochs.value === undefined ? loaded.value.spec : { ...loaded.value.spec, fixed: { ...loaded.value.spec.fixed, epochs: epochs.value } };
    const data = path('data');
    const validation = path('val');
    const plan = await planExperiment({ ...loaded.value, spec }, { ...(data ? { data } : {}), ...(validation ? { validation } : {}), ...(backend.value ? { backend: backend.value } : {}) });
    if (!plan.ok) return fail(plan.error.message, plan.error.kind === 'design' ? 1 : 2);
    const dir = path('out') ?? join(io.cwd, 'experiments', variantSlug(spec.name));
    const stored = await readPlan(dir);
    if (stored !== null && !stored.ok) return fail(stored.error);
    if (stored?.ok && !samePlan(stored.value, plan.value)) {
      return fail(`${dir} holds a different experiment ('${stored.value.spec.name}', or other settings); give the same spec and flags to continue it, or another --out.`);
    }
    if (stored === null) await writePlan(dir, plan.value);
    const runs = plan.value.runs;

    const json = values.json === true;
    const printers = new Map<string, ReturnType<typeof progressPrinter>>();
    let estimate: RemainingTime | null = null;
    let latestQueue: ExperimentQueue | null = null;
    // Runs side by side print plain lines, each marked with its run.
    const runIo = (runId: string): CliIo => {
      const marked = (text: string): string => text.replace(/^(?=.)/gm, `[${runId}] `);
      return parallel === 1 ? io : { ...io, isTty: false, stdout: (text) => io.stdout(marked(text)), stderr: (text) => io.stderr(marked(text)) };
    };
    const onEvent = (event: ExperimentEvent): void => {
      if (json) {
        io.stdout(`${JSON.stringify(event)}\n`);
        return;
      }
      if (event.type === 'queue') latestQueue = event.queue;
      else if (event.type === 'run-start') {
        const index = runs.findIndex((run) => run.id === event.run.id) + 1;
        // Runs side by side share the machine: the estimate assumes they finish that much sooner.
        const left = estimate === null ? '' : `; about ${formatDuration(estimate.seconds / Math.min(parallel, Math.max(1, estimate.runs)))} left for ${estimate.runs} run${estimate.runs === 1 ? '' : 's'}`;
        io.stdout(`\n[${index}/${runs.length}] ${event.run.variant}, seed ${event.run.seed}${event.resumed ? ' (continuing from its checkpoint)' : ''}${left}\n`);
        const printerIo = runIo(event.run.id);
        printers.set(event.run.id, progressPrinter(printerIo, printerIo.isTty ? 'tty' : 'plain'));
      } else if (event.type === 'train') printers.get(event.runId)?.onEvent(event.event);
      else if (event.type === 'run-end') {
        printers.get(event.runId)?.finish();
        printers.delete(event.runId);
        // The next run's line says how long the rest should take, from the epochs trained so far.
        if (latestQueue) void readExperimentResults(dir, plan.value, latestQueue).then((results) => (estimate = remainingTime(results, spec.fixed.epochs)));
        if (event.state !== 'completed' && event.state !== 'running') io.stdout(`run ${event.runId} ${event.state}${event.message ? `: ${event.message}` : ''}\n`);
      }
    };

    const before = await readQueue(dir);
    if (before?.ok) estimate = remainingTime(await readExperimentResults(dir, plan.value, before.value), spec.fixed.epochs);
    if (!json && before?.ok) io.stdout(`continuing ${dir}: ${remainingRuns(before.value)} of ${runs.length} runs to go\n`);
    const control = await startExperiment({ dir, plan: plan.value, parallel, startRun: (request, onTrain) => startTrainer(request, { onEvent: onTrain, onOutput: (text) => io.stderr(text) }), onEvent });
    const onInterrupt = (): void => {
      io.stderr('\nStopping the running runs after their current step, with a checkpoint; run the same command again to continue.\n');
      control.interrupt();
    };
    process.on('SIGINT', onInterrupt);
    let outcome;
    try {
      outcome = await control.done();
    } finally {
      process.off('SIGINT', onInterrupt);
    }
    const report = await writeExperimentReport(dir, plan.value, control.queue());
    if (json) io.stdout(`${JSON.stringify({ type: 'report', dir: report.dir, markdown: report.markdown, outcome, summaries: report.summaries })}\n`);
    else {
      io.stdout(`\nreport: ${report.markdown}\n`);
      for (const s of report.summaries) {
        io.stdout(`  ${s.variant}: final top-1 ${statisticText(s.finalTop1, 'accuracy')}, best ${statisticText(s.bestTop1, 'accuracy')}, ${s.completed}/${s.runs} runs done\n`);
      }
    }
    switch (outcome.type) {
      case 'finished':
        return outcome.failed > 0 ? fail(`${outcome.failed} run${outcome.failed === 1 ? '' : 's'} failed; run the same command again to retry.`, 1) : 0;
      case 'input-error':
        return fail(outcome.message, 2);
      case 'interrupted':
      case 'paused':
        return 0;
    }
  },
};
