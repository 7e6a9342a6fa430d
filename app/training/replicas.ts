/**
 * Data-parallel training replicas: how many a run may ask for, and how many it gets. Only the
 * wasm backend runs replicas (one wasm instance per worker thread, one thread each under Node);
 * the other backends use their own threads or a GPU.
 */

import type { BackendName } from '../compute/backends';
import { describeRange, inRange, type NumberRange } from '../numberRange';

export const WORKERS_RANGE = { min: 1, max: 64, integer: true } as const satisfies NumberRange;

/** Why `value` is not a worker count, or null when it is one. */
export function workersProblem(value: number): string | null {
  return inRange(WORKERS_RANGE, value) ? null : `workers must be ${describeRange(WORKERS_RANGE)}, got ${value}`;
}

/** The replicas a run on `backend` trains with: the request's count on wasm (default: every core), else one. */
export function replicaCount(backend: BackendName, requested: number | undefined, cores: number): number {
  return backend === 'wasm' ? (requested ?? Math.max(1, cores)) : 1;
}
