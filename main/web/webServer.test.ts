import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioMethodNames } from '../../app/protocol';
import { createHandlers } from '../ipc/handlers';
import { MAX_DESIGN_CHARS, requestBodyLimits } from '../ipc/requestSchemas';
import { fakeServices, sampleDesignText, tempFolder } from '../testing/fakeHost';
import { apiCall, openEvents, rawRequest } from '../testing/http';
import type { WebServer } from './webServer';
import { startWebServer } from './webServer';

const token = 'test-token-0123456789';
let folder: Awaited<ReturnType<typeof tempFolder>>;
let server: WebServer;
let base: string;
let services: Awaited<ReturnType<typeof fakeServices>>;

beforeAll(async () => {
  folder = await tempFolder('web-server');
  const rendererDir = join(folder.path, 'renderer');
  const root = join(folder.path, 'root');
  await mkdir(rendererDir);
  await mkdir(root);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  await writeFile(join(folder.path, 'secret.txt'), 'TOP-SECRET-CONTENT');
  await symlink(join(folder.path, 'secret.txt'), join(rendererDir, 'linked.txt'));
  await symlink(folder.path, join(rendererDir, 'up'));
  services = await fakeServices([root]);
  server = await startWebServer({ handlers: createHandlers(services), rendererDir, token, host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await folder.remove();
});

describe('web host: token', () => {
  it('prints an address that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('refuses API calls and sockets without the token (401), and a token in an API address', async () => {
    expect((await apiCall(base, 'nope', 'info')).status).toBe(401);
    expect((await rawRequest(`${base}/api/info?token=${token}`, { method: 'POST' })).status).toBe(401);
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`);
    const status = await new Promise((resolve) => socket.on('unexpected-response', (_req, res) => resolve(res.statusCode)));
    expect(status).toBe(401);
  });

  it('serves the page and its own files with a strict CSP and never puts the token in a cookie', async () => {
    const page = await rawRequest(server.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Studio</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval';.*object-src 'none'/);
    expect(page.headers['set-cookie']).toBeUndefined();
    const asset = await rawRequest(`${base}/app.js`);
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['content-type']).toMatch(/text\/javascript/);
    expect(asset.headers['set-cookie']).toBeUndefined();
    // A cookie for 127.0.0.1 reaches every port of it, so a cookie holding the token is not accepted either.
    expect((await rawRequest(`${base}/api/info`, { method: 'POST', headers: { cookie: `studio_token_${server.port}=${token}` } })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await rawRequest(server.url, { headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    const foreign = await rawRequest(`${base}/api/info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('keeps page requests inside the renderer folder', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/linked.txt', '/up/secret.txt']) {
      const response = await rawRequest(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('TOP-SECRET-CONTENT');
    }
  });
});

describe('web host: contract calls', () => {
  it('answers contract methods with JSON', async () => {
    const info = await apiCall(base, token, 'info');
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ kind: 'web', roots: services.paths.roots });
    const saved = await apiCall(base, token, 'saveDesign', { suggestedName: 'net.incept.json', text: sampleDesignText() });
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { name: 'net.incept.json' } });
    const opened = await apiCall(base, token, 'openDesign', { path: join(services.paths.roots[0], 'net.incept.json') });
    expect(JSON.parse(opened.body)).toMatchObject({ ok: true, value: { text: sampleDesignText() } });
    const recent = await apiCall(base, token, 'recentFiles');
    expect(JSON.parse(recent.body)).toEqual([join(services.paths.roots[0], 'net.incept.json')]);
    expect((await apiCall(base, token, 'setDocumentState', { title: 'net', dirty: false })).body).toBe('null');
  });

  it('limits file access to the named roots', async () => {
    const outside = await apiCall(base, token, 'openDesign', { path: join(folder.path, 'secret.txt') });
    expect(JSON.parse(outside.body)).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
    const traversal = await apiCall(base, token, 'listDirectory', { path: `${services.paths.roots[0]}/../` });
    expect(JSON.parse(traversal.body)).toMatchObject({ ok: false });
  });

  it('refuses bad payloads (400), unknown methods (404), wrong verbs (405) and non-JSON (400)', async () => {
    const bad = await apiCall(base, token, 'listDirectory', { path: 7 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: 'listDirectory: request.path: expected a string, found number 7' });
    expect((await apiCall(base, token, 'eval', {})).status).toBe(404);
    expect((await rawRequest(`${base}/api/info`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
    const garbage = await rawRequest(`${base}/api/info`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{nope' });
    expect(garbage.status).toBe(400);
  });

  it('limits each method’s request body to what it can carry (413), before reading it all', async () => {
    const big = JSON.stringify({ path: 'x'.repeat(2_000_000) });
    const refused = await rawRequest(`${base}/api/listDirectory`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: big });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toEqual({ error: `listDirectory: the request body is larger than ${requestBodyLimits.listDirectory} bytes` });
    for (const method of studioMethodNames) expect(requestBodyLimits[method], method).toBeLessThanOrEqual(150_000_000);
    expect(requestBodyLimits.info).toBeLessThan(100_000);
    expect(requestBodyLimits.saveDesign).toBeGreaterThan(2 * MAX_DESIGN_CHARS);
  });

  it('pushes host events to every socket holding the token', async () => {
    const listener = await openEvents(`ws://127.0.0.1:${server.port}/api/events?token=${token}`);
    server.broadcast({ type: 'menu', command: 'save', unsavedChecked: false });
    await expect(listener.next((event) => event.type === 'menu')).resolves.toEqual({ type: 'menu', command: 'save', unsavedChecked: false });
    listener.socket.close();
  });
});
