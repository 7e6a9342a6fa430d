/**
 * An experiment's folder: `experiment.json` (the plan, written once), `queue.json` (the state of
 * every run, rewritten atomically after each change), `runs/<run id>/` (ordinary run folders)
 * and `report/` (the Markdown report, its figures and CSV). The one reader and writer of each.
 */

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPERIMENT_PLAN_FORMAT, type ExperimentPlan } from '../../experiments/plan';
import { QUEUED_RUN_STATES, type ExperimentQueue } from '../../experiments/queue';
import { errorMessage, type Result } from '../../result';
import { writeFileAtomic } from '../files/writeFileAtomic';

export const experimentPaths = (dir: string) => ({
  plan: join(dir, 'experiment.json'),
  queue: join(dir, 'queue.json'),
  runs: join(dir, 'runs'),
  report: join(dir, 'report'),
});

export const experimentRunDir = (dir: string, runId: string): string => join(experimentPaths(dir).runs, runId);

async function readJson(path: string): Promise<Result<unknown> | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `${path}: not valid JSON (${errorMessage(error)}).` };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The folder's plan; null when the folder holds no experiment yet. */
export async function readPlan(dir: string): Promise<Result<ExperimentPlan> | null> {
  const path = experimentPaths(dir).plan;
  const read = await readJson(path);
  if (read === null || !read.ok) return read;
  const plan = read.value;
  if (!isRecord(plan) || plan.format !== EXPERIMENT_PLAN_FORMAT || !Array.isArray(plan.runs) || !isRecord(plan.designs) || !isRecord(plan.spec)) {
    return { ok: false, error: `${path}: not an experiment plan (expected "format": "${EXPERIMENT_PLAN_FORMAT}" with spec, runs and designs).` };
  }
  return { ok: true, value: plan as unknown as ExperimentPlan };
}

/** Makes the folder when it is new. */
export async function writePlan(dir: string, plan: ExperimentPlan): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(experimentPaths(dir).plan, JSON.stringify(plan, null, 2) + '\n');
}

/** The folder's queue; null when there is none yet. */
export async function readQueue(dir: string): Promise<Result<ExperimentQueue> | null> {
  const path = experimentPaths(dir).queue;
  const read = await readJson(path);
  if (read === null || !read.ok) return read;
  const queue = read.value;
  const runsOk = isRecord(queue) && Array.isArray(queue.runs) && queue.runs.every((run) => isRecord(run) && typeof run.id === 'string' && (QUEUED_RUN_STATES as readonly unknown[]).includes(run.state));
  if (!runsOk || typeof queue.paused !== 'boolean') return { ok: false, error: `${path}: not an experiment queue (expected "paused" and "runs" with an id and a state each).` };
  return { ok: true, value: queue as unknown as ExperimentQueue };
}

export async function writeQueue(dir: string, queue: ExperimentQueue): Promise<void> {
  await writeFileAtomic(experimentPaths(dir).queue, JSON.stringify(queue, null, 2) + '\n');
}
