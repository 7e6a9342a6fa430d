import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_RECORD_FORMAT } from '../../app/node/runs/runRecord';
import { tempFolder } from '../testing/fakeHost';
import { listRunsOnDisk } from './runsOnDisk';

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

describe('listRunsOnDisk', () => {
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
