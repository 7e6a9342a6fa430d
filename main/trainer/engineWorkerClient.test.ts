import { describe, expect, it } from 'vitest';
import { fakeLauncher } from '../testing/fakeChannel';
import { createEngineWorkerClient } from './engineWorkerClient';

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
});
