/**
 * The runs store's host calls: each asks the host, folds the answer into the store and turns
 * a refusal (or a host that throws) into a message the panel shows.
 */

import { errorMessage } from '../../app/result';
import type { FileRef, Result, StudioHost, TrainRequest } from '../../app/protocol';
import { foldTrainEvent, newRunView } from './runEvents';
import type { PredictionImage, PredictionModel, RunStore } from './runStore';

/** A run as the panel sets it up; `startRun` adds the folder to continue when resuming. */
export type TrainSetup = Omit<TrainRequest, 'resumeRunDir'>;

/** The host's answer, or a failed result when the call itself threw. */
export async function ask<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

async function request<T>(store: RunStore, call: () => Promise<Result<T>>): Promise<Result<T>> {
  store.getState().setBusy(true, null);
  const result = await ask(call);
  store.getState().setBusy(false, result.ok ? null : result.error);
  return result;
}

export async function startRun(host: StudioHost, store: RunStore, setup: TrainSetup, resumeRunDir?: string): Promise<boolean> {
  const result = await request(store, () => host.startTraining({ ...setup, ...(resumeRunDir ? { resumeRunDir } : {}) }));
  if (result.ok) store.getState().runStarted(result.value.runId, result.value.runDir);
  return result.ok;
}

export async function pauseRun(host: StudioHost, store: RunStore, runId: string): Promise<void> {
  await request(store, () => host.pauseTraining({ runId }));
}

export async function continueRun(host: StudioHost, store: RunStore, runId: string): Promise<void> {
  await request(store, () => host.resumeTraining({ runId }));
}

export async function stopRun(host: StudioHost, store: RunStore, runId: string): Promise<void> {
  const result = await request(store, () => host.stopTraining({ runId }));
  if (result.ok) store.getState().markStopping(runId);
}

/**
 * Runs the doctor (with the benchmark: a few seconds per backend) and takes its view of the
 * backends, whose automatic choice may have moved to the one measured fastest.
 */
export async function checkCompute(host: StudioHost, store: RunStore, benchmark: boolean): Promise<void> {
  store.getState().setDoctor({ running: benchmark ? 'benchmark' : 'check', error: null });
  const result = await ask(() => host.doctor({ benchmark }));
  if (!result.ok) {
    store.getState().setDoctor({ running: null, error: result.error });
    return;
  }
  const report = result.value;
  const automatic = report.backends.find((b) => b.name === report.automatic);
  store.getState().setDoctor({ report, running: null });
  store.getState().setBackends({ active: report.automatic, device: automatic?.device ?? '', backends: report.backends, ...(report.automaticReason ? { note: report.automaticReason } : {}) });
}

/** Every run the host knows (this session's and earlier ones); the panel groups them by design file. */
export async function refreshPastRuns(host: StudioHost, store: RunStore): Promise<void> {
  const result = await ask(() => host.listRuns({}));
  if (result.ok) store.getState().setPastRuns(result.value);
  else store.getState().setBusy(false, `Could not list past runs: ${result.error}`);
}

/** Reads a past run's logged epochs so it can be overlaid on the comparison chart. */
export async function loadRunHistory(host: StudioHost, store: RunStore, runId: string, runDir: string): Promise<void> {
  const result = await ask(() => host.runEvents({ runDir }));
  if (!result.ok) {
    store.getState().setBusy(false, `Could not read the history of ${runId}: ${result.error}`);
    return;
  }
  store.getState().setHistory(runId, result.value.reduce(foldTrainEvent, newRunView(runId, runDir)));
}

/** Copies a checkpoint to a model directory; the message says where it went. */
export async function saveCheckpointAsModel(host: StudioHost, source: string, suggestedName: string): Promise<Result<FileRef | null>> {
  return ask(() => host.saveModel({ source, suggestedName }));
}

const modelOf = (model: PredictionModel, design: string) =>
  model.kind === 'design' ? ({ kind: 'design', design } as const) : ({ kind: 'modelDir', path: model.path } as const);

const imageOf = (image: PredictionImage) => ('path' in image ? { path: image.path } : { name: image.name, base64: image.base64 });

export async function predictImages(host: StudioHost, store: RunStore, design: string): Promise<void> {
  const { model, images } = store.getState().prediction;
  if (images.length === 0) {
    store.getState().setPrediction({ error: 'Add an image first: drop one here or pick a file.' });
    return;
  }
  store.getState().setPrediction({ busy: true, error: null });
  const result = await ask(() => host.predict({ model: modelOf(model, design), images: images.map(imageOf), top: 5 }));
  store.getState().setPrediction(result.ok ? { busy: false, results: result.value.predictions, inference: result.value.inference } : { busy: false, results: [], inference: null, error: result.error });
}
