/**
 * The engine worker process: answers backend, dataset-scan, prediction, evaluation, export and import requests
 * from the host, so TensorFlow.js and image decoding stay out of the main process. Every request
 * with an id gets exactly one reply: its answer, or an error naming what went wrong (an unknown
 * method included), so no caller waits forever.
 */

import './parentPortBridge';
import { selectBackend } from '../../app/engine/backends/select';
import { scanDataset } from '../../app/engine/data/scanDataset';
import { runDoctor } from '../../app/engine/doctor/runDoctor';
import { runModelExport, runModelImport } from '../../app/engine/export/modelFileRequests';
import { runPredictRequest } from '../../app/engine/predictRequest';
import { inferenceReport } from '../../app/engine/inference/inferenceReport';
import { evaluateModelDir } from '../../app/engine/train/evaluateModel';
import { progressEmitter, type ProgressTask } from '../../app/training/progress';
import { errorMessage, type Result } from '../../app/result';
import { answerEngineRequest, type EngineWorkerAnswers } from './engineWorkerAnswer';
import type { EngineWorkerProgress } from './engineWorkerProtocol';

/** Expected failures (a missing folder, a bad model) as results, not as a rejected reply. */
const settled = async <T>(work: () => Promise<Result<T>>): Promise<Result<T>> => work().catch((error: unknown) => ({ ok: false, error: errorMessage(error) }));

/** Progress reaches the host at most this often (and always the last update). */
const PROGRESS_MS = 250;
const progress = (task: ProgressTask, unit = 'images') => progressEmitter(task, unit, (event) => void process.send?.({ progress: event } satisfies EngineWorkerProgress), PROGRESS_MS);

const answers: EngineWorkerAnswers = {
  backends: () => selectBackend(),
  doctor: ({ benchmark }) => settled(async () => ({ ok: true, value: await runDoctor({ benchmark }) })),
  scanDataset: ({ path, inputSize, roots }) => settled(async () => ({ ok: true, value: (await scanDataset(path, inputSize, { roots, onProgress: progress('scan') })).report })),
  predict: (request) => settled(() => runPredictRequest(request, progress('predict'))),
  evaluate: ({ model, data, backend, roots }) =>
    settled(async () => {
      const { backend: ran, runtime, ...metrics } = await evaluateModelDir(model, { data, backend, roots, onScanProgress: progress('scan'), onProgress: progress('evaluate') });
      return { ok: true, value: { ...metrics, inference: inferenceReport(ran, runtime) } };
    }),
  exportModel: (request) => settled(() => (request.path === undefined ? Promise.resolve({ ok: false, error: 'The host named no place to write the export.' }) : runModelExport({ ...request, path: request.path }, progress('export', 'layers')))),
  importModel: (request) => settled(() => (request.path === undefined ? Promise.resolve({ ok: false, error: 'The host named no model directory to write.' }) : runModelImport({ source: request.source, path: request.path }))),
};

process.on('message', (raw: unknown) => {
  void answerEngineRequest(answers, raw).then((reply) => reply && process.send?.(reply));
});

// Node IPC: the host went away, so nobody is left to answer.
process.on('disconnect', () => process.exit(0));
