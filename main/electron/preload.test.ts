/** The preload with Electron's bridge replaced by a recorder: it exposes exactly the contract, never ipcRenderer. */

import { describe, expect, it, vi } from 'vitest';
import { studioMethodNames } from '../../app/protocol';
import type { HostEvent, StudioHost } from '../../app/protocol';

const exposed = new Map<string, unknown>();
const invoked: { channel: string; payload: unknown }[] = [];
const listeners = new Map<string, ((event: unknown, value: unknown) => void)[]>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => (invoked.push({ channel, payload }), 'answer'),
    on: (channel: string, listener: (event: unknown, value: unknown) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (event: unknown, value: unknown) => void) =>
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
  },
}));

await import('./preload');

describe('preload', () => {
  it('exposes only `studio`, with exactly the contract methods', () => {
    expect([...exposed.keys()]).toEqual(['studio']);
    const studio = exposed.get('studio') as Record<string, unknown>;
    expect(Object.keys(studio).sort()).toEqual([...studioMethodNames, 'onEvent'].sort());
    expect(Object.values(studio).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes one channel per method with the single payload', async () => {
    const studio = exposed.get('studio') as StudioHost;
    await expect(studio.listDirectory({ path: '/d' })).resolves.toBe('answer');
    await studio.info();
    expect(invoked).toEqual([
      { channel: 'studio:listDirectory', payload: { path: '/d' } },
      { channel: 'studio:info', payload: undefined },
    ]);
  });

  it('keeps the events sent before the page subscribes for its first listener', () => {
    const studio = exposed.get('studio') as StudioHost;
    const launch: HostEvent = { type: 'open-file', path: '/designs/net.incept.json', unsavedChecked: true };
    for (const listener of listeners.get('studio:event') ?? []) listener({ sender: 'ipc internals' }, launch);
    const received: HostEvent[] = [];
    const off = studio.onEvent((event) => received.push(event));
    expect(received).toEqual([launch]);
    off();
    expect(listeners.get('studio:event')).toEqual([]);
  });

  it('forwards host events without the IPC event object, and unsubscribes', () => {
    const studio = exposed.get('studio') as StudioHost;
    const received: HostEvent[] = [];
    const off = studio.onEvent((event) => received.push(event));
    for (const listener of listeners.get('studio:event') ?? []) listener({ sender: 'ipc internals' }, { type: 'menu', command: 'new' });
    expect(received).toEqual([{ type: 'menu', command: 'new' }]);
    off();
    expect(listeners.get('studio:event')).toEqual([]);
  });
});
