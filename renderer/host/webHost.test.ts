import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';
import { electronHost } from './electronHost';
import { createWebHost, tokenFromLocation } from './webHost';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (url: string) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  const fetch = (async (url: URL | string, init: RequestInit) => {
    sent.push({ url: String(url), init });
    const { status, body } = answer(String(url));
    return new Response(JSON.stringify(body), { status, statusText: status === 200 ? 'OK' : 'Refused' });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

class FakeSocket {
  static opened: FakeSocket[] = [];
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

describe('createWebHost', () => {
  it('posts each method to /api/<method> with the token and returns the JSON answer', async () => {
    const { fetch, sent } = fakeFetch(() => ({ status: 200, body: { ok: true, value: null } }));
    const host = createWebHost({ baseUrl: 'http://127.0.0.1:4780', token: 'T', fetch });
    expect(await host.stopTraining({ runId: 'r1' })).toEqual({ ok: true, value: null });
    await host.info();
    expect(sent.map((s) => s.url)).toEqual(['http://127.0.0.1:4780/api/stopTraining', 'http://127.0.0.1:4780/api/info']);
    expect(sent[0].init).toMatchObject({ method: 'POST', body: '{"runId":"r1"}', headers: { authorization: 'Bearer T' } });
    expect(sent[1].init.body).toBe('null');
    for (const method of studioMethodNames) expect(typeof host[method], method).toBe('function');
  });

  it('turns a refusal into an error carrying the server’s reason', async () => {
    const { fetch } = fakeFetch(() => ({ status: 400, body: { error: 'listDirectory: request.path: expected a string' } }));
    const host = createWebHost({ baseUrl: 'http://h', token: 'T', fetch });
    await expect(host.listDirectory({ path: 7 as never })).rejects.toThrow('Web host refused listDirectory: listDirectory: request.path: expected a string');
  });

  it('shares one event socket between listeners, with the token in its URL, closing it after the last', () => {
    FakeSocket.opened = [];
    const host = createWebHost({ baseUrl: 'http://127.0.0.1:4780', token: 'T T', createSocket: (url) => new FakeSocket(url) as unknown as WebSocket });
    const a: HostEvent[] = [];
    const b: HostEvent[] = [];
    const offA = host.onEvent((event) => a.push(event));
    const offB = host.onEvent((event) => b.push(event));
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://127.0.0.1:4780/api/events?token=T+T']);
    FakeSocket.opened[0].onmessage?.({ data: JSON.stringify({ type: 'menu', command: 'save' }) });
    expect(a).toEqual([{ type: 'menu', command: 'save' }]);
    expect(b).toEqual(a);
    offA();
    expect(FakeSocket.opened[0].closed).toBe(false);
    offB();
    expect(FakeSocket.opened[0].closed).toBe(true);
  });

  it('reopens a dropped socket while someone listens', async () => {
    FakeSocket.opened = [];
    const host = createWebHost({ baseUrl: 'https://remote', token: 'T', createSocket: (url) => new FakeSocket(url) as unknown as WebSocket, reconnectMs: 1 });
    host.onEvent(() => {});
    FakeSocket.opened[0].onclose?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['wss://remote/api/events?token=T', 'wss://remote/api/events?token=T']);
  });
});

describe('tokenFromLocation', () => {
  it('takes ?token= and remembers it for reloads', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    expect(tokenFromLocation({ search: '?token=abc' } as Location, storage)).toBe('abc');
    expect(tokenFromLocation({ search: '' } as Location, storage)).toBe('abc');
    expect(tokenFromLocation({ search: '' } as Location, { getItem: () => null } as unknown as Storage)).toBeNull();
  });
});

describe('electronHost', () => {
  it('accepts only a complete preload API', () => {
    const complete = Object.fromEntries([...studioMethodNames, 'onEvent'].map((name) => [name, () => {}]));
    expect(electronHost({ studio: complete })).toBe(complete);
    expect(electronHost({})).toBeNull();
    expect(electronHost({ studio: { ...complete, predict: undefined } })).toBeNull();
  });
});
