/**
 * The web host's token: printed once at start, then accepted from the `Authorization: Bearer`
 * header, the `?token=` query (the printed URL, the event socket) or the cookie a page load
 * with a valid query token sets, so the page's own scripts and styles load without it.
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

export const cookieName = (port: number): string => `studio_token_${port}`;

function sameToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export type TokenSource = 'header' | 'query' | 'cookie';

/** Where a valid token came from, or null when the request carries none that matches. */
export function tokenSource(request: IncomingMessage, url: URL, token: string, port: number): TokenSource | null {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (sameToken(token, bearer)) return 'header';
  if (sameToken(token, url.searchParams.get('token'))) return 'query';
  if (sameToken(token, cookieValue(request.headers.cookie, cookieName(port)))) return 'cookie';
  return null;
}
