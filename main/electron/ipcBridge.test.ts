/** The IPC wiring with Electron's ipcMain replaced by a recorder: one channel per method, sender and payload checked. */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { studioMethodNames } from '../../app/protocol';
import { createHandlers } from '../ipc/handlers';
import { fakeServices, tempFolder } from '../testing/fakeHost';

type Invoke = (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<unknown>;
const registered = new Map<string, Invoke>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Invoke) => registered.set(channel, listener) },
}));

const { registerIpcHandlers } = await import('./ipcBridge');

describe('registerIpcHandlers', () => {
  beforeEach(() => registered.clear());

  it('registers one channel per contract method and answers calls from the app page', async () => {
    const folder = await tempFolder('ipc-bridge');
    registerIpcHandlers(createHandlers(await fakeServices([folder.path])));
    expect([...registered.keys()]).toEqual(studioMethodNames.map((method) => `studio:${method}`));
    const info = registered.get('studio:info')!;
    await expect(info({ senderFrame: { url: 'app://studio/index.html' } }, undefined)).resolves.toMatchObject({ kind: 'web', roots: [folder.path] });
    await folder.remove();
  });

  it('rejects other senders and bad payloads with the reason', async () => {
    const folder = await tempFolder('ipc-bridge');
    registerIpcHandlers(createHandlers(await fakeServices([folder.path])));
    const list = registered.get('studio:listDirectory')!;
    await expect(list({ senderFrame: { url: 'https://evil.example/' } }, { path: folder.path })).rejects.toThrow(/not the app's own page/);
    await expect(list({ senderFrame: null }, { path: folder.path })).rejects.toThrow(/not the app's own page/);
    await expect(list({ senderFrame: { url: 'app://studio/index.html' } }, { path: ['x'] })).rejects.toThrow('listDirectory: request.path: expected a string, found an array');
    await folder.remove();
  });
});
