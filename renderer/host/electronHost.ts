/**
 * The desktop host: the preload exposes the StudioHost methods as `window.studio` through the
 * context bridge. This file only recognises that object; the bridge itself lives in main/.
 */

import type { StudioHost } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';

declare global {
  interface Window {
    studio?: StudioHost;
  }
}

/** The preload's API when running inside the desktop app, or null in a plain browser. */
export function electronHost(scope: { studio?: unknown }): StudioHost | null {
  const candidate = scope.studio as Partial<StudioHost> | undefined;
  if (!candidate || typeof candidate.onEvent !== 'function') return null;
  const complete = studioMethodNames.every((method) => typeof candidate[method] === 'function');
  return complete ? (candidate as StudioHost) : null;
}
