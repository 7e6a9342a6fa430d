/**
 * A run folder: `run.json` (what was trained on what, written once at the start), `events.jsonl`
 * (every event but the per-step ones), and `checkpoints/{last,best}`. The one writer and the one
 * reader of each file.
 */

import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName } from '../../compute/backends';
import { errorMessage, type Result } from '../../result';
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
  backend?: BackendName;
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

/** The run's `run.json`, or why it cannot be read (missing, not JSON, not a run record), naming the file. */
export async function readRunRecord(runDir: string): Promise<Result<RunRecord>> {
  const path = runPaths(runDir).record;
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { ok: false, error: `${path} not found — is ${runDir} a training run folder?` };
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${path} is not JSON: ${errorMessage(error)}` };
  }
  if ((record as Partial<RunRecord> | null)?.format !== RUN_RECORD_FORMAT) return { ok: false, error: `${path} is not a training run record.` };
  return { ok: true, value: record as RunRecord };
}

/** An event as logged: `logEvent` stamps each with the time it was written (ISO 8601). */
export type LoggedEvent = TrainEvent & { time?: unknown };

/**
 * The events a run logged, in order. One policy for damage: the last line without its newline
 * was cut off by a crash mid-write and is dropped; any other line that is not a JSON event makes
 * the log unreadable, and the error names the file and the line.
 */
export async function readRunEvents(runDir: string): Promise<Result<LoggedEvent[]>> {
  const path = runPaths(runDir).events;
  const log = await readFile(path, 'utf8').catch(() => null);
  if (log === null) return { ok: false, error: `${runDir} has no event log: is it a training run folder?` };
  const lines = log.split('\n');
  const torn = lines.pop() ?? '';
  const events: LoggedEvent[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const event = parseEvent(line);
    if (event === null) return { ok: false, error: `${path}, line ${index + 1}: not a JSON event` };
    events.push(event);
  }
  const last = torn.trim() === '' ? null : parseEvent(torn);
  return { ok: true, value: last === null ? events : [...events, last] };
}

function parseEvent(line: string): LoggedEvent | null {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as LoggedEvent) : null;
  } catch {
    return null;
  }
}

/** Appends an event to the run's log; per-step and progress events are left out to keep it small. */
export async function logEvent(runDir: string, event: TrainEvent): Promise<void> {
  if (event.type === 'step' || event.type === 'progress') return;
  await appendFile(runPaths(runDir).events, JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n');
}
