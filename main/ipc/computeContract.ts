/**
 * What the hosts' compute work (trainer processes) offers the contract handlers and the
 * experiment service; apart from `hostServices.ts` so the experiment service, which that file
 * names, can use it without an import cycle.
 */

import type { ComputeMethod, RequestOf, StudioHost, StudioMethod } from '../../app/protocol';

/**
 * A contract request plus the real folders that paths found inside files (a CSV manifest's rows,
 * a run's dataset) must stay in: the handlers have checked the paths the request names.
 */
export type Bounded<M extends StudioMethod> = (request: RequestOf<M> & { roots: readonly string[] }) => ReturnType<StudioHost[M]>;

/** The compute methods whose work reads paths found inside files. */
type BoundedMethod = Extract<ComputeMethod, 'scanDataset' | 'startTraining' | 'evaluate'>;

/** Training, inference and dataset work (`COMPUTE_METHODS`): backed by the trainer processes. */
export type ComputeService = Pick<StudioHost, Exclude<ComputeMethod, BoundedMethod>> & { [M in BoundedMethod]: Bounded<M> };
