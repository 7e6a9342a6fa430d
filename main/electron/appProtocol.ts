/**
 * The `app://studio/` protocol the renderer is served from (never file://): the built renderer
 * folder only, every response with the strict Content-Security-Policy.
 */

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { contentTypeOf, resolveStaticPath } from '../security/staticFiles';

const APP_SCHEME = 'app';
export const APP_ENTRY_URL = 'app://studio/index.html';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'studio' ? await resolveStaticPath(rendererDir, url.pathname) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404 });
    return new Response(body, { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' } });
  });
}
