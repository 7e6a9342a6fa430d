/**
 * How long an unfinished experiment still needs, from the epochs it has trained so far: each
 * variant's mean seconds per epoch (the whole experiment's where a variant has none yet) times
 * the epochs its runs still have to go. Null before any epoch has finished.
 */

import type { RunResult } from './runResult';

export interface RemainingTime {
  seconds: number;
  runs: number;
}

const perEpoch = (results: readonly RunResult[]): number | null => {
  const epochs = results.reduce((sum, r) => sum + r.curve.length, 0);
  const seconds = results.reduce((sum, r) => sum + (r.curve.at(-1)?.seconds ?? 0), 0);
  return epochs > 0 ? seconds / epochs : null;
};

export function remainingTime(results: readonly RunResult[], epochs: number): RemainingTime | null {
  const overall = perEpoch(results);
  if (overall === null) return null;
  const toGo = results.filter((r) => (r.queued.state === 'queued' || r.queued.state === 'running') && r.curve.length < epochs);
  const seconds = toGo.reduce((sum, r) => {
    const variant = perEpoch(results.filter((other) => other.run.variantId === r.run.variantId)) ?? overall;
    return sum + Math.max(0, epochs - r.curve.length) * variant;
  }, 0);
  return { seconds, runs: toGo.length };
}
