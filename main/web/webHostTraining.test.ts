/**
 * End to end through the web host as `npm run serve` assembles it: real handlers, the training
 * engineer's trainer process (forked through tsx) and the engine worker. A tiny preset on a
 * tiny synthetic dataset; the run is stopped after its first step.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, RunSummary } from '../../app/protocol';
import { writeSyntheticDataset } from '../../app/engine/data/syntheticDataset';
import { smallPresetDesign } from '../../app/engine/train/trainFixtures';
import type { ScanReport } from '../../app/training/types';
import { tempFolder } from '../testing/fakeHost';
import { apiCall, openEvents } from '../testing/http';
import type { LocalWebHost } from './localWebHost';
import { startLocalWebHost } from './localWebHost';

let folder: Awaited<ReturnType<typeof tempFolder>>;
let host: LocalWebHost;
let base: string;
let data: string;

beforeAll(async () => {
  folder = await tempFolder('web-training');
  data = join(folder.path, 'data');
  await writeSyntheticDataset(data, { classes: 2, perClass: 8, size: 80 });
  const rendererDir = join(folder.path, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  host = await startLocalWebHost({ host: '127.0.0.1', port: 0, roots: [folder.path], rendererDir });
  base = `http://127.0.0.1:${host.server.port}`;
});
afterAll(async () => {
  await host?.close();
  await folder?.remove();
});

const call = async (method: string, payload?: unknown): Promise<unknown> => {
  const response = await apiCall(base, host.token, method, payload);
  expect(response.status, response.body).toBe(200);
  return JSON.parse(response.body) as unknown;
};

describe('web host with the real trainer', () => {
  it('refuses the API without the token', async () => {
    expect((await apiCall(base, 'missing', 'backends')).status).toBe(401);
  });

  it('scans a dataset in the engine worker', async () => {
    const scan = (await call('scanDataset', { path: data, inputSize: 75 })) as { ok: true; value: ScanReport };
    expect(scan).toMatchObject({ ok: true, value: { kind: 'folder', total: 16, classes: [{ name: 'class0', count: 8 }, { name: 'class1', count: 8 }] } });
  });

  it('starts a run that streams progress over the socket, and stops it on request', async () => {
    const listener = await openEvents(`ws://127.0.0.1:${host.server.port}/api/events?token=${host.token}`);
    const started = (await call('startTraining', {
      design: smallPresetDesign(2),
      data,
      backend: 'wasm',
      config: { batchSize: 4, epochs: 50, validationSplit: 0.25 },
    })) as { ok: true; value: { runId: string; runDir: string } };
    expect(started).toMatchObject({ ok: true, value: { runDir: expect.stringContaining(join(folder.path, 'runs')) } });
    const { runId } = started.value;
    const isTrain = (type: string) => (event: HostEvent) => event.type === 'train' && event.runId === runId && event.event.type === type;

    await listener.next(isTrain('step'), 150_000);
    expect(await call('stopTraining', { runId })).toEqual({ ok: true, value: null });
    const done = await listener.next(isTrain('done'), 120_000);
    expect(done).toMatchObject({ event: { reason: 'cancelled', lastCheckpoint: join(started.value.runDir, 'checkpoints', 'last') } });
    expect(listener.events.filter((event) => event.type === 'train').map((event) => (event.type === 'train' ? event.event.type : ''))).toEqual(
      expect.arrayContaining(['scan', 'start', 'step', 'checkpoint', 'done']),
    );
    expect(listener.events.some((event) => event.type === 'trainer-crashed')).toBe(false);

    const runs = (await call('listRuns', {})) as { ok: true; value: RunSummary[] };
    expect(runs.value).toEqual([expect.objectContaining({ runId, state: 'cancelled' })]);
    const logged = (await call('runEvents', { runDir: started.value.runDir })) as { ok: true; value: { type: string }[] };
    expect(logged.value.map((event) => event.type)).toEqual(expect.arrayContaining(['scan', 'start']));
    listener.socket.close();
  });
});
