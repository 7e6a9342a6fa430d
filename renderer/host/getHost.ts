/**
 * The one place the renderer picks its host: the desktop bridge when the preload provided it,
 * otherwise the local web host that served this page (token from the page URL).
 */

import type { StudioHost } from '../../app/protocol';
import { electronHost } from './electronHost';
import { createWebHost, tokenFromLocation } from './webHost';

let chosen: StudioHost | null = null;

export function getHost(): StudioHost {
  chosen ??= electronHost(window) ?? webHostForPage();
  return chosen;
}

function webHostForPage(): StudioHost {
  const token = tokenFromLocation(window.location, window.sessionStorage);
  if (token === null) {
    throw new Error('No host: open the address that `npm run serve` printed (it carries ?token=…), or run the desktop app.');
  }
  return createWebHost({ baseUrl: window.location.origin, token });
}
