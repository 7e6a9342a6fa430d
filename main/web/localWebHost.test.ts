/**
 * The web host as `npm run serve` assembles it, without training: where it keeps recovery
 * copies, and the designs named on its command line, opened once in the first page that connects.
 */

import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDesignText, tempFolder } from '../testing/fakeHost';
import { apiCall, openEvents } from '../testing/http';
import { startLocalWebHost, type LocalWebHost } from './localWebHost';

let folder: Awaited<ReturnType<typeof tempFolder>>;
let host: LocalWebHost | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
  await folder?.remove();
});

describe('local web host', () => {
  it('keeps recovery copies in the first root’s .inception-studio/recovery', async () => {
    folder = await tempFolder('local-web-host');
    host = await startLocalWebHost({ host: '127.0.0.1', port: 0, roots: [folder.path], rendererDir: folder.path });
    const saved = await apiCall(`http://127.0.0.1:${host.server.port}`, host.token, 'saveRecovery', { id: 'tab-1', name: 'Net', text: sampleDesignText() });
    expect(JSON.parse(saved.body)).toEqual({ ok: true, value: null });
    await expect(access(join(folder.path, '.inception-studio', 'recovery', 'tab-1.json'))).resolves.toBeUndefined();
  });

  it('opens the designs named at start in the first page that connects, once, even outside the roots', async () => {
    folder = await tempFolder('local-web-host');
    const outside = join(folder.path, 'elsewhere.incept.json');
    await writeFile(outside, sampleDesignText());
    const root = join(folder.path, 'root');
    await mkdir(root);
    host = await startLocalWebHost({ host: '127.0.0.1', port: 0, roots: [root], rendererDir: folder.path, open: [outside] });
    const first = await openEvents(`ws://127.0.0.1:${host.server.port}/api/events?token=${host.token}`);
    await expect(first.next((event) => event.type === 'open-file', 60_000)).resolves.toEqual({ type: 'open-file', path: outside, unsavedChecked: false });
    const opened = await apiCall(`http://127.0.0.1:${host.server.port}`, host.token, 'openDesign', { path: outside });
    expect(JSON.parse(opened.body)).toMatchObject({ ok: true, value: { text: sampleDesignText() } });
    const second = await openEvents(`ws://127.0.0.1:${host.server.port}/api/events?token=${host.token}`);
    host.server.broadcast({ type: 'menu', command: 'save', unsavedChecked: false });
    await second.next((event) => event.type === 'menu', 60_000);
    expect(second.events.map((event) => event.type)).toEqual(['menu']);
    first.socket.close();
    second.socket.close();
  });

  it('opens nothing when no design was named', async () => {
    folder = await tempFolder('local-web-host');
    host = await startLocalWebHost({ host: '127.0.0.1', port: 0, roots: [folder.path], rendererDir: folder.path });
    const page = await openEvents(`ws://127.0.0.1:${host.server.port}/api/events?token=${host.token}`);
    host.server.broadcast({ type: 'menu', command: 'save', unsavedChecked: false });
    await page.next((event) => event.type === 'menu', 60_000);
    expect(page.events.map((event) => event.type)).toEqual(['menu']);
    page.socket.close();
  });
});
