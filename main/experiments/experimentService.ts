/**
 * The window's experiments, kept by the host: each a folder in its experiments folder, planned,
 * queued, run and reported by the command line's own functions (app/node/experiments), with the
 * runs trained in the host's trainer processes. A runner started in this session stays until its
 * queue ends; an experiment an earlier session left continues on `resume`, from its queue on
 * disk and each run's checkpoint.
 */

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../../app/analysis/analyze';
import { parseDesign } from '../../app/design/document';
import { estimateExperiment } from '../../app/experiments/estimate';
import { variantSlug } from '../../app/experiments/expandExperiment';
import { samePlan, type ExperimentPlan } from '../../app/experiments/plan';
import { cancelRun, moveRun, remainingRuns, type ExperimentQueue } from '../../app/experiments/queue';
import { remainingTime } from '../../app/experiments/report/remainingTime';
import type { ExperimentSpec } from '../../app/experiments/types';
import { experimentPaths, readPlan, readQueue, writePlan, writeQueue } from '../../app/node/experiments/experimentFolder';
import { startExperiment, type ExperimentControl, type StartRun } from '../../app/node/experiments/experimentRunner';
import { planExperiment } from '../../app/node/experiments/loadExperiment';
import { readExperimentResults, writeExperimentReport } from '../../app/node/experiments/writeReport';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';
import type { ExperimentAction, ExperimentPreview, ExperimentStatus, ExperimentSummary, HostEvent, Result } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { defaultTrainConfig } from '../../app/training/defaults';
import type { ComputeService } from '../ipc/computeContract';
import { measuredEpochSeconds } from './measuredEpochs';

export interface ExperimentServiceOptions {
  /** The experiments folder: one folder per experiment. */
  root: string;
  startRun: StartRun;
  compute: Pick<ComputeService, 'backends' | 'scanDataset'>;
  /** The real folders a dataset scan may read (the host's roots). */
  roots(): readonly string[];
  emit(event: HostEvent): void;
}

export interface ExperimentService {
  list(): Promise<Result<readonly ExperimentSummary[]>>;
  /** `spec`: checked, its paths absolute and inside the host's roots. */
  preview(spec: ExperimentSpec): Promise<Result<ExperimentPreview>>;
  /** `parallel`: runs side by side (default 1); an experiment continued in a later session runs one at a time. */
  start(spec: ExperimentSpec, parallel?: number): Promise<Result<{ id: string }>>;
  status(id: string): Promise<Result<ExperimentStatus>>;
  control(id: string, action: ExperimentAction): Promise<Result<null>>;
  report(id: string): Promise<Result<{ path: string; markdown: string }>>;
  /** Stops the running runs with a checkpoint; their queues stay on disk for the next session. */
  shutdown(): Promise<void>;
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
/** Ids are folder names the service made (`variantSlug`), never a path. */
const isExperimentId = (id: string): boolean => /^[a-z0-9][a-z0-9-]*$/.test(id);

export function createExperimentService(options: ExperimentServiceOptions): ExperimentService {
  const { root } = options;
  const active = new Map<string, ExperimentControl>();
  /** Each running queue's watcher, which writes the report after the queue ends: shutdown waits for it. */
  const watchers = new Map<string, Promise<void>>();
  const dirOf = (id: string): string => join(root, id);

  /** The folder's plan and queue (the runner's own queue while it runs). */
  const load = async (id: string): Promise<Result<{ plan: ExperimentPlan; queue: ExperimentQueue }>> => {
    if (!isExperimentId(id)) return fail(`'${id}' is not an experiment of this host`);
    const plan = await readPlan(dirOf(id));
    if (plan === null) return fail(`No experiment '${id}' in ${root}`);
    if (!plan.ok) return plan;
    const running = active.get(id);
    if (running) return { ok: true, value: { plan: plan.value, queue: running.queue() } };
    const queue = await readQueue(dirOf(id));
    if (queue !== null && !queue.ok) return queue;
    return { ok: true, value: { plan: plan.value, queue: queue?.value ?? { paused: false, runs: plan.value.runs.map((run) => ({ id: run.id, state: 'queued' })) } } };
  };

  const plan = async (spec: ExperimentSpec, source: string): Promise<Result<ExperimentPlan>> => {
    const backends = await options.compute.backends();
    const planned = await planExperiment({ spec, source, baseDir: root }, { backend: backends.active });
    return planned.ok ? planned : fail(planned.error.message);
  };

  /** Runs the folder's queue until it ends; a paused queue keeps its runner for `resume`. */
  const run = async (id: string, experiment: ExperimentPlan, parallel = 1): Promise<void> => {
    const dir = dirOf(id);
    const control = await startExperiment({ dir, plan: experiment, parallel, startRun: options.startRun, onEvent: (event) => options.emit({ type: 'experiment', id, event }) });
    const watch = async (): Promise<void> => {
      const outcome = await control.done();
      if (outcome.type === 'paused') return;
      // The report is there before the experiment shows as ended.
      await writeExperimentReport(dir, experiment, control.queue()).catch(() => undefined);
      active.delete(id);
      options.emit({ type: 'experiment', id, event: { type: 'queue', queue: control.queue() } });
    };
    active.set(id, {
      ...control,
      async resume() {
        await control.resume();
        watchers.set(id, watch());
      },
    });
    watchers.set(id, watch());
  };

  return {
    async list() {
      const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
      const found: (ExperimentSummary & { modified: number })[] = [];
      for (const folder of folders.filter((entry) => entry.isDirectory() && isExperimentId(entry.name))) {
        const loaded = await load(folder.name);
        if (!loaded.ok) continue;
        const { plan: experiment, queue } = loaded.value;
        const modified = (await stat(experimentPaths(dirOf(folder.name)).queue).catch(() => stat(dirOf(folder.name)))).mtimeMs;
        found.push({
          id: folder.name,
          name: experiment.spec.name,
          runs: queue.runs.length,
          completed: queue.runs.filter((r) => r.state === 'completed').length,
          remaining: remainingRuns(queue),
          paused: queue.paused,
          active: active.has(folder.name),
          modified,
        });
      }
      return { ok: true, value: found.sort((a, b) => b.modified - a.modified).map(({ modified: _modified, ...summary }) => summary) };
    },

    async preview(spec) {
      const planned = await plan(spec, 'window');
      if (!planned.ok) return planned;
      const experiment = planned.value;
      const backend = experiment.backend ?? 'cpu';
      const scan = async (path: string | undefined): Promise<number | null> => {
        const report = await options.compute.scanDataset({ ...(path === undefined ? {} : { path }), inputSize: spec.fixed.options?.input ?? 75, roots: options.roots() });
        return report.ok ? report.value.total : null;
      };
      const total = await scan(experiment.data);
      const split = spec.fixed.training?.validationSplit ?? defaultTrainConfig.validationSplit;
      const validationImages = experiment.validation === undefined ? Math.round((total ?? 0) * split) : ((await scan(experiment.validation)) ?? 0);
      const trainImages = total === null ? null : experiment.validation === undefined ? total - validationImages : total;
      const measured = await measuredEpochSeconds(root, experiment.data, backend);
      const variants = spec.variants.map((variant) => {
        const design = experiment.designs[variantSlug(variant.name)];
        const parsed = parseDesign(design);
        const totals = parsed.ok ? analyze(parsed.value.document).totals : { total: 0, macs: 0 };
        return { variant: variant.name, runs: spec.seeds.length, params: totals.total, macs: totals.macs, measuredSecondsPerEpoch: measured.get(design) ?? null };
      });
      const estimate =
        trainImages === null
          ? { seconds: null, basis: 'none' as const, explanation: 'The dataset could not be scanned, so its size is unknown.' }
          : estimateExperiment({ variants, epochs: spec.fixed.epochs, trainImages, validationImages, backend });
      return {
        ok: true,
        value: { runs: experiment.runs.length, variants: variants.map(({ measuredSecondsPerEpoch: _m, ...size }) => size), backend, trainImages, estimate },
      };
    },

    async start(spec, parallel) {
      const base = variantSlug(spec.name);
      for (let n = 1; n < 1000; n += 1) {
        const id = n === 1 ? base : `${base}-${n}`;
        const dir = dirOf(id);
        const source = join(dir, 'spec.json');
        const planned = await plan(spec, source);
        if (!planned.ok) return planned;
        const stored = await readPlan(dir);
        // A folder of another experiment (or an unreadable one) is left alone: the next name is tried.
        if (stored !== null && !(stored.ok && samePlan(stored.value, planned.value))) continue;
        if (active.has(id)) return fail(`'${spec.name}' is already running`);
        try {
          if (stored === null) {
            await writePlan(dir, planned.value);
            await writeFileAtomic(source, JSON.stringify(spec, null, 2) + '\n');
          }
          await run(id, stored?.ok ? stored.value : planned.value, parallel);
          return { ok: true, value: { id } };
        } catch (error) {
          return fail(`Could not start the experiment in ${dir}: ${errorMessage(error)}`);
        }
      }
      return fail(`No free folder for '${spec.name}' in ${root}`);
    },

    async status(id) {
      const loaded = await load(id);
      if (!loaded.ok) return loaded;
      const { plan: experiment, queue } = loaded.value;
      const dir = dirOf(id);
      const results = await readExperimentResults(dir, experiment, queue);
      return {
        ok: true,
        value: { id, dir, spec: experiment.spec, runs: experiment.runs, queue, results, active: active.has(id), remaining: remainingTime(results, experiment.spec.fixed.epochs) },
      };
    },

    async control(id, action) {
      const loaded = await load(id);
      if (!loaded.ok) return loaded;
      const control = active.get(id);
      if (control) {
        switch (action.type) {
          case 'pause':
            await control.pause();
            return { ok: true, value: null };
          case 'resume':
            await control.resume();
            return { ok: true, value: null };
          case 'cancel':
            return control.cancel(action.runId);
          case 'move':
            return control.move(action.runId, action.index);
        }
      }
      // No runner in this session: the queue on disk changes with the runner's own transitions, and resume starts one.
      const { plan: experiment, queue } = loaded.value;
      const save = async (next: Result<ExperimentQueue>): Promise<Result<null>> => {
        if (!next.ok) return next;
        await writeQueue(dirOf(id), next.value);
        options.emit({ type: 'experiment', id, event: { type: 'queue', queue: next.value } });
        return { ok: true, value: null };
      };
      switch (action.type) {
        case 'pause':
          return save({ ok: true, value: { ...queue, paused: true } });
        case 'resume': {
          if (queue.paused) await writeQueue(dirOf(id), { ...queue, paused: false });
          await run(id, experiment);
          return { ok: true, value: null };
        }
        case 'cancel':
          return save(cancelRun(queue, action.runId, new Date().toISOString()));
        case 'move':
          return save(moveRun(queue, action.runId, action.index));
      }
    },

    async report(id) {
      const loaded = await load(id);
      if (!loaded.ok) return loaded;
      try {
        const written = await writeExperimentReport(dirOf(id), loaded.value.plan, loaded.value.queue);
        return { ok: true, value: { path: written.markdown, markdown: await readFile(written.markdown, 'utf8') } };
      } catch (error) {
        return fail(`Could not write the report of '${id}': ${errorMessage(error)}`);
      }
    },

    async shutdown() {
      const running = [...active.values()];
      for (const control of running) control.interrupt();
      await Promise.all(running.map((control) => control.done()));
      await Promise.all(watchers.values());
    },
  };
}
