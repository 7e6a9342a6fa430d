/**
 * The engine worker process: answers backend, dataset-scan and prediction requests from the
 * host, so TensorFlow.js and image decoding stay out of the main process.
 */

import './parentPortBridge';
import { selectBackend } from '../../app/engine/backends/select';
import { scanDataset } from '../../app/engine/data/scanDataset';
import { runPredictRequest } from '../../app/engine/predictRequest';
import { evaluateModelDir } from '../../app/engine/train/evaluateModel';
import { progressEmitter, type ProgressTask } from '../../app/training/progress';
import type { EngineWorkerMethod, EngineWorkerMethods, EngineWorkerProgress, EngineWorkerReply, EngineWorkerRequest } from './engineWorkerProtocol';

type Answer = { [M in EngineWorkerMethod]: (request: EngineWorkerMethods[M]['request']) => Promise<EngineWorkerMethods[M]['response']> };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Progress reaches the host at most this often (and always the last update). */
const PROGRESS_MS = 250;
const progress = (task: ProgressTask) => progressEmitter(task, 'images', (event) => void process.send?.({ progress: event } satisfies EngineWorkerProgress), PROGRESS_MS);

const answer: Answer = {
  backends: () => selectBackend(),
  async scanDataset({ path, inputSize }) {
    try {
      return { ok: true, value: (await scanDataset(path, inputSize, progress('scan'))).report };
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  },
  async predict(request) {
    try {
      return await runPredictRequest(request, progress('predict'));
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  },
  async evaluate({ model, data, backend }) {
    try {
      const { images, loss, top1, top5, classNames, confusion } = await evaluateModelDir(model, { data, backend, onScanProgress: progress('scan'), onProgress: progress('evaluate') });
      return { ok: true, value: { images, loss, top1, top5, classNames, confusion } };
    } catch (error) {
      return { ok: false, error: message(error) };
    }
  },
};

process.on('message', (raw: unknown) => {
  const request = raw as EngineWorkerRequest;
  const method = answer[request?.method] as ((r: unknown) => Promise<unknown>) | undefined;
  const reply = (body: EngineWorkerReply): void => void process.send?.(body);
  if (typeof request?.id !== 'number' || !method) return;
  method(request.request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => reply({ id: request.id, ok: false, error: message(error) }),
  );
});

// Node IPC: the host went away, so nobody is left to answer.
process.on('disconnect', () => process.exit(0));
