/**
 * The document's name and the window title from what the renderer reports. The renderer may
 * send either the bare name or its own composed title (`● name — Inception Studio`); both give
 * the same result, so the title never doubles up.
 */

import { APP_NAME } from '../../app/versions';

export function documentName(title: string): string {
  const name = title.replace(/^●\s*/, '').replace(new RegExp(`\\s+—\\s+${APP_NAME}$`), '').trim();
  return name || 'Untitled';
}

export function windowTitle(state: { title: string; dirty: boolean }): string {
  return `${state.dirty ? '● ' : ''}${documentName(state.title)} — ${APP_NAME}`;
}
