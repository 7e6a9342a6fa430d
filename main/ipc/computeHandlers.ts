/**
 * Handlers that hand work to the trainer processes. Every path inside a request (dataset,
 * validation set, run folder, model, images) passes the host's path policy first, and so do the
 * dataset paths a resumed run's `run.json` names; the engine gets the roots for the paths it
 * finds inside files (a CSV manifest's rows).
 */

import type { ComputeMethod, PredictRequest, Result, TrainRequest } from '../../app/protocol';
import { readRunRecord, runPaths } from '../../app/node/runs/runRecord';
import type { HostServices } from './hostServices';
import type { Handlers } from './handlerTypes';

/** Exports and imports write files first chosen by the host: `modelFileHandlers` routes them. */
type ComputeHandlers = Pick<Handlers, Exclude<ComputeMethod, 'exportModel' | 'importModel'>>;

export function computeHandlers({ paths, compute }: HostServices): ComputeHandlers {
  /** Checks every present path; returns the request with real paths, or the first refusal. */
  const checkAll = async <T>(named: readonly (string | undefined)[], rebuild: (real: (string | undefined)[]) => T): Promise<Result<T>> => {
    const real: (string | undefined)[] = [];
    for (const path of named) {
      if (path === undefined) {
        real.push(undefined);
        continue;
      }
      const checked = await paths.check(path);
      if (!checked.ok) return checked;
      real.push(checked.value);
    }
    return { ok: true, value: rebuild(real) };
  };

  /** The datasets a run folder's `run.json` names must be inside the roots too. */
  const checkRecordedData = async (runDir: string): Promise<Result<null>> => {
    const record = await paths.check(runPaths(runDir).record);
    if (!record.ok) return record;
    const read = await readRunRecord(runDir);
    if (!read.ok) return { ok: false, error: `Cannot resume: ${read.error}` };
    const { data, validation } = read.value;
    for (const [path, what] of [[data, 'dataset'], [validation, 'validation set']] as const) {
      const checked = path === undefined ? null : await paths.check(path);
      if (checked && !checked.ok) return { ok: false, error: `Cannot resume ${runDir}: its run.json names a ${what}, and ${checked.error}` };
    }
    return { ok: true, value: null };
  };

  return {
    backends: () => compute.backends(),
    doctor: (request) => compute.doctor(request),
    async scanDataset(request) {
      const checked = await checkAll([request.path], ([path]) => ({ ...request, path }));
      return checked.ok ? compute.scanDataset({ ...checked.value, roots: paths.allowed() }) : checked;
    },
    async startTraining(request) {
      const checked = await checkAll<TrainRequest>([request.data, request.validation, request.resumeRunDir], ([data, validation, resumeRunDir]) => ({
        ...request,
        data,
        validation,
        resumeRunDir,
      }));
      if (!checked.ok) return checked;
      const resumeDir = checked.value.resumeRunDir;
      const recorded = resumeDir === undefined ? null : await checkRecordedData(resumeDir);
      if (recorded && !recorded.ok) return recorded;
      return compute.startTraining({ ...checked.value, roots: paths.allowed() });
    },
    pauseTraining: (request) => compute.pauseTraining(request),
    resumeTraining: (request) => compute.resumeTraining(request),
    stopTraining: (request) => compute.stopTraining(request),
    listRuns: (request) => compute.listRuns(request),
    async predict(request) {
      const modelPath = request.model.kind === 'modelDir' ? request.model.path : undefined;
      const imagePaths = request.images.map((image) => ('path' in image ? image.path : undefined));
      const checked = await checkAll<PredictRequest>([modelPath, ...imagePaths], ([model, ...images]) => ({
        ...request,
        model: request.model.kind === 'modelDir' ? { kind: 'modelDir', path: model! } : request.model,
        images: request.images.map((image, index) => ('path' in image ? { path: images[index]! } : image)),
      }));
      return checked.ok ? compute.predict(checked.value) : checked;
    },
    async evaluate(request) {
      const checked = await checkAll([request.model, request.data], ([model, data]) => ({ ...request, model: model!, data }));
      return checked.ok ? compute.evaluate({ ...checked.value, roots: paths.allowed() }) : checked;
    },
  };
}
