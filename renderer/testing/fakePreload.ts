/**
 * A stand-in for the desktop preload, for browser tests where the Electron binary cannot run:
 * a page init script that defines `window.studio` as the preload does (every contract method,
 * plus `onEvent`), forwarding the methods to the web host that served the page but answering
 * `info` as the desktop host (`kind: 'electron'`), and lets the test push host events as the
 * main process would (`window.__emitHostEvent(event)`).
 */

import type { Page } from 'playwright-core';
import type { HostEvent } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';

/** The init script, as text: a function passed to Playwright would be rewritten by the test transform. */
export function fakePreloadScript(): string {
  return `(() => {
  const token = new URLSearchParams(location.search).get('token');
  const listeners = new Set();
  const call = async (method, request) => {
    const response = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify(request === undefined ? null : request),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body && body.error ? body.error : response.statusText);
    return body;
  };
  const studio = { onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
  for (const method of ${JSON.stringify(studioMethodNames)}) studio[method] = (request) => call(method, request);
  // The page takes this host for the desktop one, as it would behind the real preload (exports are saved, not downloaded).
  studio.info = async () => ({ ...(await call('info')), kind: 'electron' });
  window.studio = studio;
  window.__emitHostEvent = (event) => {
    for (const listener of listeners) listener(event);
    return listeners.size;
  };
})();`;
}

/** Sends `event` to the page's host listeners, as the main process's `webContents.send`; resolves with how many heard it. */
export function emitHostEvent(page: Page, event: HostEvent): Promise<number> {
  return page.evaluate(`window.__emitHostEvent(${JSON.stringify(event)})`);
}
