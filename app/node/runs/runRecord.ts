/**
 * A run folder: `run.json` (what was trained on what, written once at the start), `events.jsonl`
 * (every event but the per-step ones), and `checkpoints/{last,best}`. The one writer and the one
 * reader of each file.
 */

import { appendFile, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendName } from '../../compute/backends';
import { errorMessage, type Result } from '../../result';
import { isJsonPrefix } from '../../text/jsonPrefix';
import type { TrainConfig, TrainEvent } from '../../training/types';
import { RUN_RECORD_FORMAT } from '../../training/runRecordFormat';
import { writeFileAtomic } from '../files/writeFileAtomic';

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
  /** The data-parallel replicas the run last trained with (absent in runs from before replicas: one). */
  workers?: number;
}

export const runPaths = (runDir: string) => ({
  record: join(runDir, 'run.json'),
  events: join(runDir, 'events.jsonl'),
  checkpoints: join(runDir, 'checkpoints'),
  last: join(runDir, 'checkpoints', 'last'),
  best: join(runDir, 'checkpoints', 'best'),
});

/** A `run.json` that is missing or cannot be used, or a folder that already holds a run; the message names the file and what is wrong. */
export class RunRecordError extends Error {
  override name = 'RunRecordError';
}

/** Refuses a folder that already holds a run; the folder itself is made once the run's inputs check out. */
export async function assertRunDirFree(runDir: string): Promise<void> {
  if (await stat(runPaths(runDir).record).then(() => true, () => false)) {
    throw new RunRecordError(`${runDir} already holds a training run; resume it, or choose another folder.`);
  }
}

export async function writeRunRecord(runDir: string, record: RunRecord): Promise<void> {
  await mkdir(runPaths(runDir).checkpoints, { recursive: true });
  await writeFileAtomic(runPaths(runDir).record, JSON.stringify(record, null, 2) + '\n');
}

const isStringArray = (value: unknown): boolean => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** What is wrong with a parsed `run.json`, field by field; null when it is a usable record. */
function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (record.format !== RUN_RECORD_FORMAT) return `"format" is ${JSON.stringify(record.format)}, not "${RUN_RECORD_FORMAT}": not a training run record`;
  const fields: [string, (v: unknown) => boolean, string][] = [
    ['runId', (v) => typeof v === 'string', 'a string'],
    ['createdAt', (v) => typeof v === 'string', 'a date string'],
    ['design', (v) => typeof v === 'string', 'the design document text'],
    ['designName', (v) => typeof v === 'string', 'a string'],
    ['config', (v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object'],
    ['classNames', isStringArray, 'an array of class names'],
    ['data', (v) => v === undefined || typeof v === 'string', 'a path'],
    ['validation', (v) => v === undefined || typeof v === 'string', 'a path'],
  ];
  const wrong = fields.filter(([key, check]) => !check(record[key])).map(([key, , wanted]) => `"${key}" should be ${wanted}`);
  return wrong.length > 0 ? wrong.join('; ') : null;
}

/** The run's `run.json`, or why it cannot be used (missing, not JSON, a field of the wrong kind), naming the file and the field. */
export async function readRunRecord(runDir: string): Promise<Result<RunRecord>> {
  const path = runPaths(runDir).record;
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { ok: false, error: `${path} not found — is ${runDir} a training run folder?` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${path}: not valid JSON (${errorMessage(error)}).` };
  }
  const problem = recordProblem(value);
  return problem === null ? { ok: true, value: value as RunRecord } : { ok: false, error: `${path}: ${problem}.` };
}

/** A run's logged events, and a warning for each line a crash tore (skipped). */
export interface RunLog {
  events: LoggedEvent[];
  warnings: string[];
}

/** An event as logged: `logEvent` stamps each with the time it was written (ISO 8601). */
export type LoggedEvent = TrainEvent & { time?: unknown };

/**
 * The events a run logged, in order. One policy for damage: a line cut off by a crash mid-write
 * (the last line without its newline, or a line of JSON that breaks off, which `logEvent`
 * followed with a line of its own) is skipped and named in `warnings`, so the run
 * still opens; any other line that is not a JSON event makes the log unreadable, and the error
 * names the file and the line. `file`: the log's path when the caller has resolved it.
 */
export async function readRunEvents(runDir: string, file = runPaths(runDir).events): Promise<Result<RunLog>> {
  const log = await readFile(file, 'utf8').catch(() => null);
  if (log === null) return { ok: false, error: `${runDir} has no event log: is it a training run folder?` };
  const lines = log.split('\n');
  const events: LoggedEvent[] = [];
  const warnings: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'object') events.push(parsed);
    else if (parsed === 'torn' || index === lines.length - 1) warnings.push(`${file}, line ${index + 1}: not a complete event (a crash mid-write?); skipped`);
    else return { ok: false, error: `${file}, line ${index + 1}: not a JSON event` };
  }
  return { ok: true, value: { events, warnings } };
}

/** A line's event; 'torn' when it is JSON cut off part-way (a crash mid-write); 'bad' for anything else. */
function parseLine(line: string): LoggedEvent | 'torn' | 'bad' {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return isJsonPrefix(line) ? 'torn' : 'bad';
  }
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as LoggedEvent) : 'bad';
}

/** Whether `file` ends in the middle of a line (a crash tore its last write); false when it is empty or missing. */
async function endsMidLine(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

/**
 * Appends an event to the run's log; per-step and progress events are left out to keep it small.
 * After a line torn by a crash, the event starts on a line of its own, so only the torn line is lost.
 */
export async function logEvent(runDir: string, event: TrainEvent): Promise<void> {
  if (event.type === 'step' || event.type === 'progress') return;
  const file = runPaths(runDir).events;
  const line = JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n';
  await appendFile(file, (await endsMidLine(file)) ? `\n${line}` : line);
}
