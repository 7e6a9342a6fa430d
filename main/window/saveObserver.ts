/**
 * Lets the unsaved-changes prompt wait for "the next save": wraps the saveDesign handler and
 * resolves waiters with whether that save wrote a file (false when cancelled or failed).
 */

import type { Handlers } from '../ipc/handlerTypes';

export interface SaveObserver {
  handlers: Handlers;
  nextSave(): Promise<boolean>;
}

export function observeSaves(handlers: Handlers): SaveObserver {
  let waiters: ((saved: boolean) => void)[] = [];
  return {
    handlers: {
      ...handlers,
      async saveDesign(request) {
        const result = await handlers.saveDesign(request);
        const saved = result.ok && result.value !== null;
        const waiting = waiters;
        waiters = [];
        for (const resolve of waiting) resolve(saved);
        return result;
      },
    },
    nextSave: () => new Promise((resolve) => waiters.push(resolve)),
  };
}
