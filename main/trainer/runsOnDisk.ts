/**
 * Runs from earlier sessions, read back from the runs folder: the trainer's `run.json` names
 * the design, its file and the first start, and folding `events.jsonl` gives the resumes, the
 * epochs, best accuracy and how the run ended (no final event: it was interrupted). A folder
 * without a run record is not a run; a run whose log cannot be read is listed as failed, with
 * the reason.
 */

import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunSummary } from '../../app/protocol';
import { type LoggedEvent, readRunEvents, readRunRecord } from '../../app/node/runs/runRecord';
import { summarizeRun } from '../../app/training/runSummary';

/** When the run was resumed: the logged time of each start that continued from a checkpoint. */
const resumes = (events: readonly LoggedEvent[]): string[] =>
  events.flatMap((event) => (event.type === 'start' && event.resumedFrom && typeof event.time === 'string' ? [event.time] : []));

/** One run folder's summary; null when it holds no readable run record. */
export async function readRunOnDisk(runDir: string, runId = basename(runDir)): Promise<RunSummary | null> {
  const record = await readRunRecord(runDir);
  if (!record.ok) return null;
  const { designName, designFile, createdAt } = record.value;
  const start: RunSummary = { runId, runDir, designName, designFile: designFile ?? null, startedAt: createdAt, resumedAt: [], epochs: 0, bestValTop1: null, state: 'failed' };
  const events = await readRunEvents(runDir);
  return events.ok ? { ...summarizeRun(start, events.value.events), resumedAt: resumes(events.value.events) } : { ...start, problem: events.error };
}

export async function listRunsOnDisk(runsRoot: string): Promise<RunSummary[]> {
  const entries = await readdir(runsRoot, { withFileTypes: true }).catch(() => []);
  const runs = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => readRunOnDisk(join(runsRoot, entry.name), entry.name)));
  return runs.filter((run): run is RunSummary => run !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
