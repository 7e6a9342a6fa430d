/**
 * A run folder: `run.json` (what was trained on what, written once at the start), `events.jsonl`
 * (every event but the per-step ones), and `checkpoints/{last,best}`.
 */

import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendStatus } from '../../protocol';
import type { TrainConfig, TrainEvent } from '../../training/types';
import { writeFileAtomic } from '../files/writeFileAtomic';

export const RUN_RECORD_FORMAT = 'inception-studio/run';

export interface RunRecord {
  format: typeof RUN_RECORD_FORMAT;
  version: 1;
  runId: string;
  createdAt: string;
  /** The design document text, with the classifier set to the dataset's class count. */
  design: string;
  designName: string;
  /** The design file the run was started from, when it had been saved. */
  designFile?: string;
  data?: string;
  validation?: string;
  config: TrainConfig;
  classNames: readonly string[];
  backend?: BackendStatus['name'];
}

export const runPaths = (runDir: string) => ({
  record: join(runDir, 'run.json'),
  events: join(runDir, 'events.jsonl'),
  checkpoints: join(runDir, 'checkpoints'),
  last: join(runDir, 'checkpoints', 'last'),
  best: join(runDir, 'checkpoints', 'best'),
});

/** Creates a new run's folder; refuses one that already holds a run. */
export async function claimRunDir(runDir: string): Promise<void> {
  if (await stat(runPaths(runDir).record).then(() => true, () => false)) {
    throw new Error(`${runDir} already holds a training run; resume it, or choose another folder.`);
  }
  await mkdir(runDir, { recursive: true });
}

export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await mkdir(runPaths(runDir).checkpoints, { recursive: true });
  await writeFileAtomic(runPaths(runDir).record, JSON.stringify(record, null, 2) + '\n');
}

export async function readRunRecord(runDir: string): Promise<RunRecord> {
  const path = runPaths(runDir).record;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`Cannot resume: ${path} not found — is ${runDir} a training run folder?`);
  }
  const record = JSON.parse(text) as RunRecord;
  if (record.format !== RUN_RECORD_FORMAT) throw new Error(`Cannot resume: ${path} is not a training run record.`);
  return record;
}

/** Appends an event to the run's log; per-step and progress events are left out to keep it small. */
export async function logEvent(runDir: string, event: TrainEvent): Promise<void> {
  if (event.type === 'step' || event.type === 'progress') return;
  await appendFile(runPaths(runDir).events, JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n');
}
