/**
 * Waiting in browser tests: always on a condition, never a fixed delay, with limits sized for a
 * loaded machine (two busy cores can turn a 1 s step into 20 s). A passing test waits only as
 * long as the condition takes; the limit only decides how long a broken one takes to fail.
 */

import { expect } from 'vitest';
import { SETTLE_MS } from './studioBrowser';

/** A whole browser test: many steps, each within SETTLE_MS. */
export const BROWSER_TEST_MS = 300_000;

/** Polls `read` until the assertion that follows holds (within `timeout`). */
export const eventually = <T>(read: () => Promise<T>, timeout = SETTLE_MS) => expect.poll(read, { timeout, interval: 100 });

/** Resolves once `read` gives the same value three times in a row, 200 ms apart: an animation has ended. */
export async function steady<T>(read: () => Promise<T>, timeout = SETTLE_MS): Promise<void> {
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        seen.push(JSON.stringify(await read()));
        return seen.length >= 3 && seen.slice(-3).every((value) => value === seen[seen.length - 1]);
      },
      { timeout, interval: 200 },
    )
    .toBe(true);
}
