/**
 * The web host's token: printed once at start (in the address the user opens), kept by the page
 * in memory and its tab's session storage — never in a cookie, which the browser would also send
 * to every other server on 127.0.0.1, whatever its port. API calls carry it in the
 * `Authorization: Bearer` header; the event socket, which cannot carry headers, as `?token=`.
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

function sameToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether an API request carries the token in its Authorization header. */
// Stryker disable next-line StringLiteral: without a header, any text that does not start with "Bearer " matches nothing, as '' does
export const hasBearerToken = (request: IncomingMessage, token: string): boolean => sameToken(token, /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]);

/** Whether the event socket's address carries the token. */
export const hasQueryToken = (url: URL, token: string): boolean => sameToken(token, url.searchParams.get('token'));
