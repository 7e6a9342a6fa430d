/**
 * Data-parallel replicas of training and batch inference: how many a run may ask for, and how
 * many it gets. Only the wasm backend runs replicas (one wasm instance per worker thread, one
 * thread each under Node); the other backends use their own threads or a GPU.
 */

import type { BackendName } from '../compute/backends';
import { describeRange, describeValue, inRange, type NumberRange } from '../numberRange';

export const WORKERS_RANGE = { min: 1, max: 64, integer: true } as const satisfies NumberRange;

/** Why `value` is not a worker count, or null when it is one. */
export function workersProblem(value: number): string | null {
  return inRange(WORKERS_RANGE, value) ? null : `workers must be ${describeRange(WORKERS_RANGE)}, got ${describeValue(value)}`;
}

/**
 * Images each replica gets at least when the count is left to the default: batch-norm
 * statistics of fewer images are noisy enough to hurt what a small batch learns.
 */
export const DEFAULT_MIN_SHARE = 8;

/**
 * The replicas a run on `backend` trains with: on wasm the request's count, by default one per
 * core but no more than leave `DEFAULT_MIN_SHARE` images to each; one elsewhere.
 */
export function replicaCount(backend: BackendName, requested: number | undefined, cores: number, batchSize: number): number {
  if (backend !== 'wasm') return 1;
  return requested ?? Math.max(1, Math.min(cores, Math.floor(batchSize / DEFAULT_MIN_SHARE)));
}

/** The replicas batch inference (predict, evaluate) splits a batch over: one per core on wasm, else one. */
export function inferenceReplicaCount(backend: BackendName, cores: number): number {
  return backend === 'wasm' ? Math.max(1, cores) : 1;
}
