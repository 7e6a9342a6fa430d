/**
 * Runs from earlier sessions, read back from the runs folder: the trainer's `run.json` names
 * the design and start time, and folding `events.jsonl` gives the epochs, best accuracy and how
 * the run ended (no final event: it was interrupted). A folder without a run record is not a
 * run; a run whose log cannot be read is listed as failed, with the reason.
 */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../app/protocol';
import { readRunEvents, readRunRecord } from '../../app/node/runs/runRecord';
import { summarizeRun } from '../../app/training/runSummary';

async function readRun(runDir: string, runId: string): Promise<RunSummary | null> {
  const record = await readRunRecord(runDir);
  if (!record.ok) return null;
  const start: RunSummary = { runId, runDir, designName: record.value.designName, startedAt: record.value.createdAt, epochs: 0, bestValTop1: null, state: 'failed' };
  const events = await readRunEvents(runDir);
  return events.ok ? summarizeRun(start, events.value.events) : { ...start, problem: events.error };
}

export async function listRunsOnDisk(runsRoot: string): Promise<RunSummary[]> {
  const entries = await readdir(runsRoot, { withFileTypes: true }).catch(() => []);
  const runs = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => readRun(join(runsRoot, entry.name), entry.name)));
  return runs.filter((run): run is RunSummary => run !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
