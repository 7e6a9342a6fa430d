import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/fakeHost';
import { listRunsOnDisk } from './runsOnDisk';

let runs: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => (runs = await tempFolder('runs-on-disk')));
afterEach(() => runs.remove());

async function writeRun(id: string, record: Record<string, unknown>, events: Record<string, unknown>[]) {
  const dir = join(runs.path, id);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'run.json'), JSON.stringify({ format: 'inception-studio/run', version: 1, runId: id, design: '{}', config: {}, classNames: [], ...record }));
  await writeFile(join(dir, 'events.jsonl'), events.map((event) => JSON.stringify(event)).join('\n') + '\n');
}

describe('runs on disk', () => {
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
