/** The app:// protocol handler with Electron's protocol module replaced by a recorder. */

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempFolder } from '../testing/fakeHost';

let handler: ((request: { url: string }) => Promise<Response>) | null = null;
const privileged: unknown[] = [];

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    handle: (_scheme: string, serve: typeof handler) => (handler = serve),
  },
}));

const { registerAppScheme, serveRenderer } = await import('./appProtocol');

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    registerAppScheme();
    expect(privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves the renderer folder with the CSP, and nothing outside it or on another host', async () => {
    const folder = await tempFolder('app-protocol');
    const renderer = join(folder.path, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html>');
    await writeFile(join(renderer, 'assets', 'app.js'), 'export {}');
    await writeFile(join(folder.path, 'secret.txt'), 'secret');
    await symlink(join(folder.path, 'secret.txt'), join(renderer, 'assets', 'linked.txt'));
    await symlink(folder.path, join(renderer, 'up'));
    serveRenderer(renderer);

    const page = await handler!({ url: 'app://studio/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    expect(await (await handler!({ url: 'app://studio/assets/app.js' })).text()).toBe('export {}');
    expect((await handler!({ url: 'app://studio/' })).status).toBe(200);
    for (const url of ['app://studio/%2e%2e/secret.txt', 'app://other/index.html', 'app://studio/missing.js', 'app://studio/assets/linked.txt', 'app://studio/up/secret.txt']) {
      expect((await handler!({ url })).status, url).toBe(404);
    }
    await folder.remove();
  });
});
