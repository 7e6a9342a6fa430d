/**
 * Requests to the engine worker: the long-lived process that answers backend, dataset-scan,
 * prediction, evaluation, export and import requests, so TensorFlow.js never loads in the
 * Electron main process. Exports and imports arrive with the host's chosen `path` set.
 */

import type { ComputeMethod, RequestOf, StudioHost } from '../../app/protocol';
import type { ProgressEvent } from '../../app/training/progress';

/** The compute methods the engine worker answers (the rest go to trainer processes or the runs folder). */
export const ENGINE_WORKER_METHODS = ['backends', 'doctor', 'scanDataset', 'predict', 'evaluate', 'exportModel', 'importModel'] as const satisfies readonly ComputeMethod[];
export type EngineWorkerMethod = (typeof ENGINE_WORKER_METHODS)[number];

/** The methods whose work reads paths found inside files (a CSV manifest's rows): they carry the host's roots. */
type BoundedMethod = Extract<EngineWorkerMethod, 'scanDataset' | 'evaluate'>;

/** Each method's request (with the roots where it has them) and answer, as the contract states them; a method without a request sends null. */
export type EngineWorkerMethods = {
  [M in EngineWorkerMethod]: {
    request: RequestOf<M> extends undefined ? null : M extends BoundedMethod ? RequestOf<M> & { roots?: readonly string[] } : RequestOf<M>;
    response: Awaited<ReturnType<StudioHost[M]>>;
  };
};

export interface EngineWorkerRequest<M extends EngineWorkerMethod = EngineWorkerMethod> {
  id: number;
  method: M;
  request: EngineWorkerMethods[M]['request'];
}

export type EngineWorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Sent while a request is being answered: how far its long work has got. */
export interface EngineWorkerProgress {
  progress: ProgressEvent;
}
