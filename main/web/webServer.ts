/**
 * The local web host: serves the built renderer and the StudioHost contract over HTTP
 * (`POST /api/<method>`, JSON in and out) and pushes HostEvents over a WebSocket at
 * `/api/events`. API calls and the socket need the token; the page and its own files (the
 * public app bundle, no user data) do not, so no cookie has to carry it. Every request's Host
 * header must name this server (no DNS rebinding) and a browser Origin must be this server's.
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { errorMessage } from '../../app/result';
import type { HostEvent, StudioMethod } from '../../app/protocol';
import { dispatchRequest } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlerTypes';
import { requestBodyLimits } from '../ipc/requestSchemas';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { contentTypeOf, resolveStaticPath } from '../security/staticFiles';
import { hasBearerToken, hasQueryToken } from './tokenAuth';

export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Called for each page whose event socket connects, with a way to send it events alone. */
  onConnect?(send: (event: HostEvent) => void): void;
}

export interface WebServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  broadcast(event: HostEvent): void;
  close(): Promise<void>;
}

const REFUSAL_STATUS = { method: 404, sender: 403, payload: 400 } as const;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body === undefined ? null : body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

class BodyTooLarge extends Error {}

/** The body as text; stops reading (BodyTooLarge) once it passes `limit` bytes, or when Content-Length says it will. */
async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body limit of a method; unknown names get the smallest (dispatch refuses them next). */
const bodyLimitOf = (method: string): number => (Object.hasOwn(requestBodyLimits, method) ? requestBodyLimits[method as StudioMethod] : Math.min(...Object.values(requestBodyLimits)));

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const sockets = new WebSocketServer({ noServer: true });
  let port = options.port;
  const hostNames = (): Set<string> => new Set([`${options.host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  /** Bound to every interface the server is reached by any name; the token still guards it. */
  const anyHost = options.host === '0.0.0.0' || options.host === '::';

  /** Null when the request may go on; otherwise the status and reason to refuse it with. */
  const gate = (request: IncomingMessage, tokenGiven: boolean | null): { status: number; error: string } | null => {
    if (!anyHost && !hostNames().has(request.headers.host ?? '')) return { status: 403, error: `unexpected Host header "${request.headers.host ?? ''}"` };
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host}`) return { status: 403, error: `requests from ${origin} are not accepted` };
    if (tokenGiven === false) return { status: 401, error: 'token required: open the address `npm run serve` printed' };
    return null;
  };

  const api = async (request: IncomingMessage, response: ServerResponse, method: string): Promise<void> => {
    if (request.method !== 'POST') return send(response, 405, { error: 'use POST for /api calls' });
    let payload: unknown;
    try {
      const text = await readBody(request, bodyLimitOf(method));
      payload = text.trim() === '' ? null : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        return send(response, 413, { error: `${method}: the request body is larger than ${bodyLimitOf(method)} bytes` });
      }
      return send(response, 400, { error: `request body is not JSON: ${errorMessage(error)}` });
    }
    try {
      const result = await dispatchRequest(options.handlers, method, payload, true);
      if (result.status === 'ok') return send(response, 200, result.value);
      return send(response, REFUSAL_STATUS[result.reason], { error: result.message });
    } catch (error) {
      return send(response, 500, { error: `${method} failed: ${errorMessage(error)}` });
    }
  };

  const page = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'only GET here' });
    const file = await resolveStaticPath(options.rendererDir, url.pathname);
    // Stryker disable next-line ArrowFunction: undefined and null both read as "no such file" below
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return send(response, 404, { error: `no such file: ${url.pathname}` });
    const headers: Record<string, string> = {
      'content-type': contentTypeOf(file),
      'content-length': String(info.size),
      'content-security-policy': contentSecurityPolicy({ connect: [`ws://${request.headers.host}`] }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    };
    response.writeHead(200, headers);
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file).pipe(response);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const apiMethod = /^\/api\/([A-Za-z]+)$/.exec(url.pathname)?.[1];
    const refused = gate(request, apiMethod ? hasBearerToken(request, options.token) : null);
    if (refused) return send(response, refused.status, { error: refused.error });
    const work = apiMethod ? api(request, response, apiMethod) : page(request, response, url);
    // Stryker disable next-line all: the last guard against an unhandled rejection; api() and page() catch their own errors, so no request reaches it
    work.catch((error: Error) => response.headersSent ? response.destroy(error) : send(response, 500, { error: error.message }));
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const refused = url.pathname === '/api/events' ? gate(request, hasQueryToken(url, options.token)) : { status: 404, error: 'no such socket' };
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    // The socket server tracks its clients itself (for broadcast); nothing listens for 'connection'.
    sockets.handleUpgrade(request, socket, head, (client) => options.onConnect?.((event) => client.send(JSON.stringify(event))));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}/?token=${options.token}`,
    port,
    broadcast(event) {
      const text = JSON.stringify(event);
      // A client joins this set once its socket is open, and ws drops what is sent to one closing.
      for (const client of sockets.clients) client.send(text);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
