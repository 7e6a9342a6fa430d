import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RUN_RECORD_FORMAT } from '../../app/training/runRecordFormat';
import { tempFolder } from '../testing/fakeHost';
import { listRunsOnDisk } from './runsOnDisk';

describe('listRunsOnDisk', () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;

  async function run(name: string, createdAt: string, log: string | null): Promise<void> {
    const dir = join(root.path, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'run.json'), JSON.stringify({ format: RUN_RECORD_FORMAT, version: 1, runId: name, createdAt, design: '{}', designName: 'net', config: {}, classNames: [] }));
    if (log !== null) await writeFile(join(dir, 'events.jsonl'), log);
  }

  beforeAll(async () => {
    root = await tempFolder('runs-on-disk');
    const epoch = '{"type":"epoch","epoch":1,"train":{"loss":1,"top1":0.5,"top5":1},"validation":{"loss":1,"top1":0.75,"top5":1},"lr":0.1,"seconds":1}\n';
    await run('finished', '2024-01-03', `{"type":"start"}\n${epoch}{"type":"done","reason":"completed","epochs":1,"bestValTop1":0.75,"lastCheckpoint":null}\n`);
    await run('interrupted', '2024-01-02', `{"type":"start"}\n${epoch}{"type":"ep`);
    await run('damaged', '2024-01-01', `{"type":"start"}\nnot json\n${epoch}`);
    await mkdir(join(root.path, 'not-a-run'));
  });
  afterAll(() => root.remove());

  it('summarises each run from its record and log, newest first, skipping folders that are not runs', async () => {
    const runs = await listRunsOnDisk(root.path);
    expect(runs.map((r) => [r.runId, r.state, r.epochs, r.bestValTop1])).toEqual([
      ['finished', 'completed', 1, 0.75],
      ['interrupted', 'failed', 1, 0.75],
      ['damaged', 'failed', 0, null],
    ]);
    expect(runs[2].problem).toBe(`${join(root.path, 'damaged', 'events.jsonl')}, line 2: not a JSON event`);
    expect(runs[0].problem).toBeUndefined();
  });
});

describe('runs on disk', () => {
  let runs: Awaited<ReturnType<typeof tempFolder>>;
  beforeEach(async () => (runs = await tempFolder('runs-on-disk')));
  afterEach(() => runs.remove());

  async function writeRun(id: string, record: Record<string, unknown>, events: Record<string, unknown>[]) {
    const dir = join(runs.path, id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'run.json'), JSON.stringify({ format: RUN_RECORD_FORMAT, version: 1, runId: id, design: '{}', config: {}, classNames: [], ...record }));
    await writeFile(join(dir, 'events.jsonl'), events.map((event) => JSON.stringify(event)).join('\n') + '\n');
  }

  it('keeps the first start, lists the resumes and the design file, and how the run ended', async () => {
    await writeRun('r1', { createdAt: '2025-01-01T10:00:00.000Z', designName: 'Tiny', designFile: '/d/tiny.incept.json' }, [
      { time: '2025-01-01T10:00:01.000Z', type: 'start' },
      { time: '2025-01-01T10:05:00.000Z', type: 'epoch', epoch: 1, validation: { top1: 0.4 } },
      { time: '2025-01-01T11:00:00.000Z', type: 'start', resumedFrom: { epoch: 2, step: 0 } },
      { time: '2025-01-01T11:05:00.000Z', type: 'done', reason: 'completed', epochs: 2, bestValTop1: 0.6, lastCheckpoint: null },
    ]);
    await writeRun('r0', { createdAt: '2024-12-31T10:00:00.000Z', designName: 'Old' }, [{ time: '2024-12-31T10:00:01.000Z', type: 'start' }]);
    expect(await listRunsOnDisk(runs.path)).toEqual([
      { runId: 'r1', runDir: join(runs.path, 'r1'), designName: 'Tiny', designFile: '/d/tiny.incept.json', startedAt: '2025-01-01T10:00:00.000Z', resumedAt: ['2025-01-01T11:00:00.000Z'], epochs: 2, bestValTop1: 0.6, state: 'completed' },
      // No final event: the process was interrupted.
      { runId: 'r0', runDir: join(runs.path, 'r0'), designName: 'Old', designFile: null, startedAt: '2024-12-31T10:00:00.000Z', resumedAt: [], epochs: 0, bestValTop1: null, state: 'failed' },
    ]);
  });
});
