/**
 * Requests to the engine worker: the long-lived process that answers backend, dataset-scan and
 * prediction requests, so TensorFlow.js never loads in the Electron main process.
 */

import type { BackendReport, BackendStatus, ImagePrediction, PredictRequest, Result } from '../../app/protocol';
import type { ProgressEvent } from '../../app/training/progress';
import type { EvaluationReport, ScanReport } from '../../app/training/types';

export interface EngineWorkerMethods {
  backends: { request: null; response: BackendReport };
  scanDataset: { request: { path?: string; inputSize: number }; response: Result<ScanReport> };
  predict: { request: PredictRequest; response: Result<readonly ImagePrediction[]> };
  evaluate: { request: { model: string; data?: string; backend?: BackendStatus['name'] }; response: Result<EvaluationReport> };
}

export type EngineWorkerMethod = keyof EngineWorkerMethods;

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
