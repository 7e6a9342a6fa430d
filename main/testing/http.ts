/** Small HTTP and WebSocket helpers for the web host tests (raw protocol, no client library). */

import { request } from 'node:http';
import { WebSocket } from 'ws';
import type { HostEvent } from '../../app/protocol';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control of the headers (fetch would not let a test forge Host). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export function apiCall(base: string, token: string, method: string, payload?: unknown): Promise<RawResponse> {
  return rawRequest(`${base}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: payload === undefined ? '' : JSON.stringify(payload),
  });
}

/** Opens the event socket; resolves once open, collecting every event it receives. */
export async function openEvents(url: string): Promise<{ events: HostEvent[]; socket: WebSocket; next(predicate: (event: HostEvent) => boolean, timeoutMs?: number): Promise<HostEvent> }> {
  const socket = new WebSocket(url);
  const events: HostEvent[] = [];
  const waiters: { predicate: (event: HostEvent) => boolean; resolve: (event: HostEvent) => void }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as HostEvent;
    events.push(event);
    for (const waiter of waiters.filter((w) => w.predicate(event))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    events,
    socket,
    next(predicate, timeoutMs = 120_000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => (e.type === 'train' ? e.event.type : e.type)).join(', ')}`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
  };
}
