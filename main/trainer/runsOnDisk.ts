/**
 * Runs from earlier sessions, read back from the runs folder: the trainer's `run.json` names
 * the design, its file and the first start, and replaying `events.jsonl` gives the resumes,
 * epochs, best accuracy and how the run ended (no final event: it was interrupted).
 */

import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunSummary } from '../../app/protocol';
import type { RunRecord } from '../../app/engine/train/runRecord';
import { runPaths } from '../../app/engine/train/runRecord';
import type { TrainEvent } from '../../app/training/types';

function summarizeEvents(base: Pick<RunSummary, 'runId' | 'runDir' | 'designName' | 'designFile' | 'startedAt'>, lines: readonly string[]): RunSummary {
  const resumedAt: string[] = [];
  const summary: RunSummary = { ...base, resumedAt, epochs: 0, bestValTop1: null, state: 'failed' };
  for (const line of lines) {
    let event: TrainEvent & { time?: unknown };
    try {
      event = JSON.parse(line) as TrainEvent & { time?: unknown };
    } catch {
      continue;
    }
    // The log stamps each event; a start that resumed a checkpoint is a resume.
    if (event.type === 'start' && event.resumedFrom && typeof event.time === 'string') resumedAt.push(event.time);
    if (event.type === 'epoch') {
      summary.epochs = event.epoch;
      if (event.validation) summary.bestValTop1 = Math.max(summary.bestValTop1 ?? 0, event.validation.top1);
    }
    if (event.type === 'done') Object.assign(summary, { state: event.reason, epochs: event.epochs, bestValTop1: event.bestValTop1 });
  }
  return summary;
}

/** One run folder's summary; null when it holds no readable run record. */
export async function readRunOnDisk(runDir: string, runId = basename(runDir)): Promise<RunSummary | null> {
  const files = runPaths(runDir);
  try {
    const record = JSON.parse(await readFile(files.record, 'utf8')) as RunRecord;
    const log = await readFile(files.events, 'utf8').catch(() => '');
    return summarizeEvents({ runId, runDir, designName: record.designName, designFile: record.designFile ?? null, startedAt: record.createdAt }, log.split('\n').filter(Boolean));
  } catch {
    return null;
  }
}

export async function listRunsOnDisk(runsRoot: string): Promise<RunSummary[]> {
  const entries = await readdir(runsRoot, { withFileTypes: true }).catch(() => []);
  const runs = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => readRunOnDisk(join(runsRoot, entry.name), entry.name)));
  return runs.filter((run): run is RunSummary => run !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
