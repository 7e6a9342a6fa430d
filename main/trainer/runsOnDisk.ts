/**
 * Runs from earlier sessions, read back from the runs folder: the trainer's `run.json` names
 * the design and start time, and replaying `events.jsonl` gives the epochs, best accuracy and
 * how the run ended (no final event: it was interrupted).
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../app/protocol';
import type { RunRecord } from '../../app/engine/train/runRecord';
import { readRunEvents, runPaths } from '../../app/engine/train/runRecord';
import type { TrainEvent } from '../../app/training/types';

function summarizeEvents(base: Pick<RunSummary, 'runId' | 'runDir' | 'designName' | 'startedAt'>, events: readonly TrainEvent[]): RunSummary {
  const summary: RunSummary = { ...base, epochs: 0, bestValTop1: null, state: 'failed' };
  for (const event of events) {
    if (event.type === 'epoch') {
      summary.epochs = event.epoch;
      if (event.validation) summary.bestValTop1 = Math.max(summary.bestValTop1 ?? 0, event.validation.top1);
    }
    if (event.type === 'done') Object.assign(summary, { state: event.reason, epochs: event.epochs, bestValTop1: event.bestValTop1 });
  }
  return summary;
}

async function readRun(runDir: string, runId: string): Promise<RunSummary | null> {
  const files = runPaths(runDir);
  try {
    const record = JSON.parse(await readFile(files.record, 'utf8')) as RunRecord;
    const { events } = await readRunEvents(runDir).catch(() => ({ events: [] }));
    return summarizeEvents({ runId, runDir, designName: record.designName, startedAt: record.createdAt }, events);
  } catch {
    return null;
  }
}

export async function listRunsOnDisk(runsRoot: string): Promise<RunSummary[]> {
  const entries = await readdir(runsRoot, { withFileTypes: true }).catch(() => []);
  const runs = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => readRun(join(runsRoot, entry.name), entry.name)));
  return runs.filter((run): run is RunSummary => run !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
