import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hasBearerToken, hasQueryToken, newToken } from './tokenAuth';

const token = 'k3y-0123456789abcdefghij';
const request = (authorization?: string): IncomingMessage => ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;
const socketUrl = (query: string): URL => new URL(`http://127.0.0.1:5173/api/events${query}`);

/** Near-misses of the token: a prefix, an extension, one character changed, other case, empty. */
const nearMisses = [token.slice(0, -1), token.slice(1), `${token}x`, `${token.slice(0, -1)}J`, token.toUpperCase(), ` ${token}`, ''];

describe('web host token', () => {
  it('is 24 random bytes in base64url, new each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it('accepts exactly `Bearer <token>` in the Authorization header', () => {
    expect(hasBearerToken(request(`Bearer ${token}`), token)).toBe(true);
  });

  it('refuses every near-miss of the token, and of the scheme', () => {
    for (const given of nearMisses) expect(hasBearerToken(request(`Bearer ${given}`), token), given).toBe(false);
    for (const header of [token, `bearer ${token}`, `Basic ${token}`, `Bearer  ${token}`, `Bearer ${token} `, `xBearer ${token}`, `Bearer\t${token}`, 'Bearer ', `Bearer ${token}\nX-Other: 1`]) {
      expect(hasBearerToken(request(header), token), header).toBe(false);
    }
    expect(hasBearerToken(request(), token)).toBe(false);
  });

  it('accepts the socket address only with exactly the token as `token`', () => {
    expect(hasQueryToken(socketUrl(`?token=${token}`), token)).toBe(true);
    for (const given of nearMisses) expect(hasQueryToken(socketUrl(`?token=${encodeURIComponent(given)}`), token), given).toBe(false);
    for (const query of ['', '?token', `?tok=${token}`, `?Token=${token}`]) expect(hasQueryToken(socketUrl(query), token), query).toBe(false);
  });
});
