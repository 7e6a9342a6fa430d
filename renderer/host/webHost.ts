/**
 * The StudioHost contract over the local web host: each method is `POST /api/<method>` with the
 * request as JSON, events arrive on a WebSocket at `/api/events`. The token the server printed
 * travels as a Bearer header (and as `?token=` for the socket, which cannot carry headers).
 */

import type { HostEvent, StudioHost, StudioMethod } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';

export interface WebHostOptions {
  /** Where the web host listens, e.g. `http://127.0.0.1:4780`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  createSocket?: (url: string) => WebSocket;
  /** Delay before reconnecting a dropped event socket. */
  reconnectMs?: number;
}

type Listener = (event: HostEvent) => void;

export function createWebHost(options: WebHostOptions): StudioHost {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const events = createEventChannel(options);

  const call = async (method: StudioMethod, request: unknown): Promise<unknown> => {
    const response = await fetchImpl(new URL(`/api/${method}`, options.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(request ?? null),
    });
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const message = isErrorBody(body) ? body.error : `${response.status} ${response.statusText}`;
      throw new Error(`Web host refused ${method}: ${message}`);
    }
    return body;
  };

  const methods = Object.fromEntries(studioMethodNames.map((method) => [method, (request?: unknown) => call(method, request)]));
  return { ...(methods as Omit<StudioHost, 'onEvent'>), onEvent: events.subscribe };
}

function isErrorBody(body: unknown): body is { error: string } {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
}

/** One socket shared by all listeners, opened on the first subscription, reopened when dropped. */
function createEventChannel(options: WebHostOptions): { subscribe: (listener: Listener) => () => void } {
  const listeners = new Set<Listener>();
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  let socket: WebSocket | null = null;

  const open = (): void => {
    const url = new URL('/api/events', options.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', options.token);
    const current = createSocket(url.toString());
    socket = current;
    current.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as HostEvent;
      for (const listener of listeners) listener(event);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      if (listeners.size > 0) setTimeout(() => listeners.size > 0 && socket === null && open(), options.reconnectMs ?? 1000);
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (socket === null) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket !== null) {
          const closing = socket;
          socket = null;
          closing.close();
        }
      };
    },
  };
}

/** The token from `?token=` in the page URL, remembered for reloads of the same tab. */
export function tokenFromLocation(location: Location, storage: Storage): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage.setItem('studio-token', fromUrl);
    return fromUrl;
  }
  return storage.getItem('studio-token');
}
