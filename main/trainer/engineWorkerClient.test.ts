import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestFolder } from '../../app/engine/data/testFolders';
import type { ProgressEvent } from '../../app/training/progress';
import { fakeLauncher } from '../testing/fakeChannel';
import { createEngineWorkerClient } from './engineWorkerClient';
import { forkLauncher } from './forkLauncher';

describe('engineWorkerClient', () => {
  it('starts the worker on first use and matches replies to requests by id', async () => {
    const launch = fakeLauncher();
    const client = createEngineWorkerClient(launch, 'worker.js', () => {});
    const first = client.call('scanDataset', { inputSize: 75 });
    const second = client.call('backends', null);
    expect(launch.children).toHaveLength(1);
    expect(launch.children[0].sent).toEqual([
      { id: 1, method: 'scanDataset', request: { inputSize: 75 } },
      { id: 2, method: 'backends', request: null },
    ]);
    launch.children[0].reply({ id: 2, ok: true, value: 'report' });
    launch.children[0].reply({ id: 1, ok: false, error: 'no dataset' });
    await expect(second).resolves.toBe('report');
    await expect(first).rejects.toThrow('no dataset');
  });

  it('fails calls in flight when the worker dies, reports it, and restarts on the next call', async () => {
    const launch = fakeLauncher();
    const crashes: string[] = [];
    const client = createEngineWorkerClient(launch, 'worker.js', (message) => crashes.push(message));
    const pending = client.call('backends', null);
    launch.children[0].exit(134);
    await expect(pending).rejects.toThrow(/exit code 134.*restarts on the next one/);
    expect(crashes).toHaveLength(1);
    const next = client.call('backends', null);
    expect(launch.children).toHaveLength(2);
    launch.children[1].reply({ id: 2, ok: true, value: 'again' });
    await expect(next).resolves.toBe('again');
  });

  it('passes progress messages to its listener and still matches the reply', async () => {
    const launch = fakeLauncher();
    const heard: ProgressEvent[] = [];
    const client = createEngineWorkerClient(launch, 'worker.js', () => {}, (event) => heard.push(event));
    const answer = client.call('scanDataset', { path: '/data', inputSize: 75 });
    const event: ProgressEvent = { type: 'progress', task: 'scan', done: 3, total: 9, unit: 'images', elapsedSeconds: 1, etaSeconds: 2 };
    launch.children[0].reply({ progress: event });
    launch.children[0].reply({ id: 1, ok: true, value: 'scanned' });
    await expect(answer).resolves.toBe('scanned');
    expect(heard).toEqual([event]);
  });
});

describe('engineWorkerClient with the real engine worker', () => {
  const folder = useTestFolder('engine-worker-progress', { classes: 2, perClass: 5, size: 12 });

  it('passes on the progress of a dataset scan before its answer', async () => {
    const progress: ProgressEvent[] = [];
    const client = createEngineWorkerClient(forkLauncher, fileURLToPath(new URL('./engineWorker.ts', import.meta.url)), () => {}, (event) => progress.push(event));
    try {
      const scanned = await client.call('scanDataset', { path: folder.data, inputSize: 12 });
      expect(scanned).toMatchObject({ ok: true, value: { total: 10 } });
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ type: 'progress', task: 'scan', done: 10, total: 10, unit: 'images', etaSeconds: 0 });
    } finally {
      client.close();
    }
  });
});
