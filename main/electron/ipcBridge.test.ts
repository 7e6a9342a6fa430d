/** The IPC wiring with Electron's ipcMain replaced by a recorder: one channel per method, sender and payload checked. */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { studioMethodNames } from '../../app/protocol';
import { createHandlers } from '../ipc/handlers';
import { fakeServices, tempFolder } from '../testing/fakeHost';

interface Frame {
  url: string;
}
type Invoke = (event: { sender: { mainFrame: Frame }; senderFrame: Frame | null }, payload: unknown) => Promise<unknown>;
const registered = new Map<string, Invoke>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Invoke) => registered.set(channel, listener) },
}));

const { registerIpcHandlers } = await import('./ipcBridge');

/** An event from the app page's main frame. */
const fromMainFrame = (url = 'app://studio/index.html') => {
  const frame = { url };
  return { sender: { mainFrame: frame }, senderFrame: frame };
};

describe('registerIpcHandlers', () => {
  beforeEach(() => registered.clear());

  it('registers one channel per contract method and answers calls from the app page', async () => {
    const folder = await tempFolder('ipc-bridge');
    registerIpcHandlers(createHandlers(await fakeServices([folder.path])));
    expect([...registered.keys()]).toEqual(studioMethodNames.map((method) => `studio:${method}`));
    const info = registered.get('studio:info')!;
    await expect(info(fromMainFrame(), undefined)).resolves.toMatchObject({ kind: 'web', roots: [folder.path] });
    await folder.remove();
  });

  it('rejects other senders and bad payloads with the reason', async () => {
    const folder = await tempFolder('ipc-bridge');
    registerIpcHandlers(createHandlers(await fakeServices([folder.path])));
    const list = registered.get('studio:listDirectory')!;
    await expect(list(fromMainFrame('https://evil.example/'), { path: folder.path })).rejects.toThrow(/not the app's own page/);
    await expect(list({ ...fromMainFrame(), senderFrame: null }, { path: folder.path })).rejects.toThrow(/not the app's own page/);
    // A sub-frame (an iframe) with the app's URL is not the app's page.
    await expect(list({ ...fromMainFrame(), senderFrame: { url: 'app://studio/index.html' } }, { path: folder.path })).rejects.toThrow(/not the app's own page/);
    await expect(list(fromMainFrame(), { path: ['x'] })).rejects.toThrow('listDirectory: request.path: expected a string, found an array');
    await folder.remove();
  });
});
