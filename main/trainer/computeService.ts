/**
 * The compute half of the contract, the same for both hosts: training goes to per-run trainer
 * processes, backend/scan/predict/evaluate/export/import requests to the engine worker process.
 */

import { errorMessage } from '../../app/result';
import type { Result } from '../../app/protocol';
import type { ComputeService } from '../ipc/computeContract';
import type { EngineWorkerClient } from './engineWorkerClient';
import { listRunsOnDisk } from './runsOnDisk';
import type { TrainerHost } from './trainerHost';

const failed = (what: string, error: unknown): { ok: false; error: string } => ({ ok: false, error: `${what}: ${errorMessage(error)}` });

export function createComputeService(trainer: TrainerHost, engine: EngineWorkerClient, runsRoot: string): ComputeService {
  return {
    backends: () => engine.call('backends', null),
    doctor: (request) => engine.call('doctor', request).catch((error: unknown) => failed('The compute check failed', error)),
    scanDataset: (request) => engine.call('scanDataset', request).catch((error: unknown) => failed('Dataset scan failed', error)),
    predict: (request) => engine.call('predict', request).catch((error: unknown) => failed('Prediction failed', error)),
    evaluate: (request) => engine.call('evaluate', request).catch((error: unknown) => failed('Evaluation failed', error)),
    exportModel: (request) => engine.call('exportModel', request).catch((error: unknown) => failed('Export failed', error)),
    importModel: (request) => engine.call('importModel', request).catch((error: unknown) => failed('Import failed', error)),
    startTraining: (request) => trainer.start(request).catch((error: unknown) => failed('Could not start training', error)),
    pauseTraining: async ({ runId }) => trainer.command(runId, 'pause'),
    resumeTraining: async ({ runId }) => trainer.command(runId, 'resume'),
    stopTraining: async ({ runId }) => trainer.command(runId, 'stop'),
    async listRuns({ designName }) {
      const session = trainer.sessionRuns();
      const known = new Set(session.map((run) => run.runDir));
      const onDisk = (await listRunsOnDisk(runsRoot)).filter((run) => !known.has(run.runDir));
      const all = [...session, ...onDisk].filter((run) => designName === undefined || run.designName === designName);
      return { ok: true, value: all } satisfies Result<typeof all>;
    },
  };
}
