import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol';
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

describe('web host: near-misses at the gate', () => {
  it('takes this server by each of its loopback names, and no other name or port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await rawRequest(server.url, { headers: { host } })).status, host).toBe(200);
    }
    for (const host of [`127.0.0.1:${server.port + 1}`, '127.0.0.1', `localhost:${server.port}.evil.example`, `0.0.0.0:${server.port}`, `127.0.0.2:${server.port}`]) {
      const refused = await rawRequest(server.url, { headers: { host } });
      expect(refused.status, host).toBe(403);
      expect(JSON.parse(refused.body), host).toEqual({ error: `unexpected Host header "${host}"` });
    }
  });

  it('takes a browser Origin only when it is this very address', async () => {
    const call = (origin: string) => rawRequest(`${base}/api/info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin } });
    expect((await call(base)).status).toBe(200);
    for (const origin of [`https://127.0.0.1:${server.port}`, `http://localhost:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `${base}/`, 'null']) {
      const refused = await call(origin);
      expect(refused.status, origin).toBe(403);
      expect(JSON.parse(refused.body), origin).toEqual({ error: `requests from ${origin} are not accepted` });
    }
  });

  it('takes only /api/<method> as an API call, nothing below or beside it', async () => {
    for (const path of ['/api/info/extra', '/api/info.json', '/api/in-fo', '/apix/info']) {
      const answer = await rawRequest(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      // Not an API call: the page server answers, which takes GET and HEAD only.
      expect(answer.status, path).toBe(405);
      expect(JSON.parse(answer.body), path).toEqual({ error: 'only GET here' });
    }
    const get = await rawRequest(`${base}/api/info`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.parse(get.body)).toEqual({ error: 'use POST for /api calls' });
  });

  it('says what a refused API call lacks', async () => {
    const refused = await apiCall(base, `${token}x`, 'info');
    expect(refused).toMatchObject({ status: 401, body: JSON.stringify({ error: 'token required: open the address `npm run serve` printed' }) });
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('refuses the event socket with a near-miss of the token, or at another path', async () => {
    const upgradeStatus = (path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
        socket.on('open', () => (socket.close(), resolve(101)));
        socket.on('error', reject);
      });
    expect(await upgradeStatus(`/api/events?token=${token.slice(0, -1)}`)).toBe(401);
    expect(await upgradeStatus(`/api/events?token=${token}x`)).toBe(401);
    expect(await upgradeStatus(`/api/event?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`/api/events/?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`/api/events?token=${token}`)).toBe(101);
  });
});

describe('web host: request bodies', () => {
  const post = (method: string, body: string, headers: Record<string, string> = {}) => rawRequest(`${base}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });

  it('reads a body of exactly the method’s limit and refuses one byte more', async () => {
    const limit = requestBodyLimits.listDirectory;
    // Valid JSON of exactly `limit` bytes: a path padded with spaces after the object.
    const atLimit = JSON.stringify({ path: services.paths.roots[0] }).padEnd(limit, ' ');
    expect(Buffer.byteLength(atLimit)).toBe(limit);
    expect((await post('listDirectory', atLimit)).status).toBe(200);
    const over = await post('listDirectory', `${atLimit} `);
    expect(over.status).toBe(413);
    expect(over.headers.connection).toBe('close');
  });

  it('counts a body sent in chunks, without a Content-Length, against the same limit', async () => {
    const limit = requestBodyLimits.listDirectory;
    const chunked = (body: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const request = httpRequest(`${base}/api/listDirectory`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        request.on('error', reject);
        // Two writes before end: Node sends them chunked, with no Content-Length to go by.
        const half = Math.floor(body.length / 2);
        request.write(body.slice(0, half));
        request.write(body.slice(half));
        request.end();
      });
    const atLimit = JSON.stringify({ path: services.paths.roots[0] }).padEnd(limit, ' ');
    expect(await chunked(atLimit)).toBe(200);
    expect(await chunked(`${atLimit} `)).toBe(413);
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    const limit = requestBodyLimits.info;
    const refused = await new Promise<number | undefined>((resolve, reject) => {
      // The body is never sent: the answer must come from the header alone.
      const request = httpRequest(`${base}/api/info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': String(limit + 1) } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(refused).toBe(413);
  });

  it('takes an empty or blank body as no argument, and gives an unknown method the smallest limit', async () => {
    expect((await post('info', '')).status).toBe(200);
    expect((await post('info', ' \n ')).status).toBe(200);
    const smallest = Math.min(...Object.values(requestBodyLimits));
    expect((await post('toString', 'x'.repeat(smallest + 1))).status).toBe(413);
    expect((await post('toString', '{}')).status).toBe(404);
  });

  it('answers 500 naming the method when a handler fails', async () => {
    const failing = await startWebServer({
      handlers: { ...createHandlers(services), info: async () => Promise.reject(new Error('disk on fire')) },
      rendererDir: join(folder.path, 'renderer'),
      token,
      host: '127.0.0.1',
      port: 0,
    });
    try {
      const answer = await apiCall(`http://127.0.0.1:${failing.port}`, token, 'info');
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: 'info failed: disk on fire' });
    } finally {
      await failing.close();
    }
  });
});

describe('web host: the page', () => {
  it('serves index.html at / with the headers that keep it to itself', async () => {
    const page = await rawRequest(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(page.body)),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
  });

  it('answers HEAD with the headers alone, and refuses other verbs and folders', async () => {
    const head = await rawRequest(`${base}/app.js`, { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('console.log(1)'.length));
    expect((await rawRequest(`${base}/app.js`, { method: 'POST' })).status).toBe(405);
    expect((await rawRequest(`${base}/app.js`, { method: 'PUT' })).status).toBe(405);
    expect(JSON.parse((await rawRequest(`${base}/missing.js`)).body)).toEqual({ error: 'no such file: /missing.js' });
    await mkdir(join(folder.path, 'renderer', 'assets'), { recursive: true });
    expect((await rawRequest(`${base}/assets`)).status).toBe(404);
  });
});

describe('web host: sockets and addresses', () => {
  it('sends each page its own events on connect, and broadcasts to every open one', async () => {
    const sends: ((event: HostEvent) => void)[] = [];
    const host = await startWebServer({ handlers: createHandlers(services), rendererDir: join(folder.path, 'renderer'), token, host: '127.0.0.1', port: 0, onConnect: (send) => sends.push(send) });
    try {
      const first = await openEvents(`ws://127.0.0.1:${host.port}/api/events?token=${token}`);
      const second = await openEvents(`ws://127.0.0.1:${host.port}/api/events?token=${token}`);
      await expect.poll(() => sends.length, { timeout: 60_000 }).toBe(2);
      sends[1]({ type: 'open-file', path: '/b.incept.json', unsavedChecked: false });
      await expect(second.next((event) => event.type === 'open-file')).resolves.toMatchObject({ path: '/b.incept.json' });
      host.broadcast({ type: 'menu', command: 'save', unsavedChecked: false });
      await expect(first.next((event) => event.type === 'menu')).resolves.toMatchObject({ command: 'save' });
      await expect(second.next((event) => event.type === 'menu')).resolves.toMatchObject({ command: 'save' });
      expect(first.events.map((event) => event.type)).toEqual(['menu']);
      const closed = new Promise((resolve) => first.socket.once('close', resolve));
      await host.close();
      await closed;
    } finally {
      await host.close().catch(() => undefined);
    }
  });

  it('fails to start, saying why, on a port another server holds', async () => {
    await expect(startWebServer({ handlers: createHandlers(services), rendererDir: join(folder.path, 'renderer'), token, host: '127.0.0.1', port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('takes any Host when bound to every interface, still behind the token', async () => {
    const everywhere = await startWebServer({ handlers: createHandlers(services), rendererDir: join(folder.path, 'renderer'), token, host: '0.0.0.0', port: 0 });
    try {
      expect(everywhere.url).toBe(`http://0.0.0.0:${everywhere.port}/?token=${token}`);
      expect((await rawRequest(`http://127.0.0.1:${everywhere.port}/`, { headers: { host: `studio.lan:${everywhere.port}` } })).status).toBe(200);
      expect((await apiCall(`http://127.0.0.1:${everywhere.port}`, 'nope', 'info')).status).toBe(401);
    } finally {
      await everywhere.close();
    }
  });

  it('puts an IPv6 address in brackets in the address it prints', async (context) => {
    const v6 = await startWebServer({ handlers: createHandlers(services), rendererDir: join(folder.path, 'renderer'), token, host: '::1', port: 0 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') return null;
      throw error;
    });
    if (!v6) return context.skip('this machine has no IPv6 loopback (::1)');
    try {
      expect(v6.url).toBe(`http://[::1]:${v6.port}/?token=${token}`);
      expect((await rawRequest(`http://[::1]:${v6.port}/`)).status).toBe(200);
    } finally {
      await v6.close();
    }
    // '::' is every interface, as 0.0.0.0 is: any Host name reaches it.
    const everywhere = await startWebServer({ handlers: createHandlers(services), rendererDir: join(folder.path, 'renderer'), token, host: '::', port: 0 });
    try {
      expect(everywhere.url).toBe(`http://[::]:${everywhere.port}/?token=${token}`);
      expect((await rawRequest(`http://127.0.0.1:${everywhere.port}/`, { headers: { host: `studio.lan:${everywhere.port}` } })).status).toBe(200);
    } finally {
      await everywhere.close();
    }
  });
});
