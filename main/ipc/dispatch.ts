/**
 * The single entry from a transport into the handlers: check who is asking, validate what they
 * ask, then run the handler. A refusal says which check failed; the transport maps it (an IPC
 * rejection, an HTTP 400/403).
 */

import type { StudioMethod } from '../../app/protocol';
import { STUDIO_METHODS } from '../../app/protocol';
import type { Handlers } from './handlerTypes';
import { requestSchemas } from './requestSchemas';

export type Dispatched = { status: 'ok'; value: unknown } | { status: 'refused'; reason: 'method' | 'sender' | 'payload'; message: string };

/** Frames allowed to call the desktop host: only pages served from the app's own protocol. */
export function isTrustedSenderUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'studio';
  } catch {
    return false;
  }
}

function isStudioMethod(name: string): name is StudioMethod {
  return Object.hasOwn(STUDIO_METHODS, name);
}

export async function dispatchRequest(handlers: Handlers, method: string, payload: unknown, trustedSender: boolean): Promise<Dispatched> {
  if (!trustedSender) return { status: 'refused', reason: 'sender', message: `${method}: the caller is not the app's own page` };
  if (!isStudioMethod(method)) return { status: 'refused', reason: 'method', message: `unknown method "${method}"` };
  const checked = requestSchemas[method](payload, 'request');
  if (!checked.ok) return { status: 'refused', reason: 'payload', message: `${method}: ${checked.error}` };
  const handler = handlers[method] as (request: unknown) => Promise<unknown>;
  return { status: 'ok', value: await handler(checked.value) };
}
