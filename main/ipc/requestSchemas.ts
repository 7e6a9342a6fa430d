/**
 * The schema of every contract method's request. The mapped type forces one entry per
 * StudioMethod, so a method added to app/protocol.ts cannot reach a handler unvalidated.
 */

import { BACKEND_NAMES } from '../../app/compute/backends';
import type { RequestOf, StudioMethod } from '../../app/protocol';
import { HYPERPARAMETERS, NUMERIC_HYPERPARAMETERS, OPTIMIZER_NAMES, type NumericHyperparameter } from '../../app/training/hyperparameters';
import type { TrainConfig } from '../../app/training/types';
import type { Check } from './schema';
import { array, boolean, literal, nothing, number, object, optional, string, union } from './schema';

const PATH = string({ maxLength: 4096, nonEmpty: true });
const NAME = string({ maxLength: 255, nonEmpty: true });
/** Designs of the largest presets serialise to well under this. */
const DOCUMENT = string({ maxLength: 20_000_000 });
const RUN_ID = string({ maxLength: 200, nonEmpty: true });
const RECOVERY_ID = string({ maxLength: 64, nonEmpty: true });
const BACKEND = literal(...BACKEND_NAMES);

/** Each numeric setting within its range from the core's table. */
const hyperparameterFields = Object.fromEntries(NUMERIC_HYPERPARAMETERS.map((key) => [key, optional(number(HYPERPARAMETERS[key].range))])) as {
  [K in NumericHyperparameter]: ReturnType<typeof optional<number>>;
};

const trainConfig: Check<Partial<TrainConfig>> = object({
  optimizer: optional(literal(...OPTIMIZER_NAMES)),
  ...hyperparameterFields,
  augment: optional(boolean),
});

export const requestSchemas: { readonly [M in StudioMethod]: Check<RequestOf<M>> } = {
  info: nothing,
  openDesign: object({ path: optional(PATH) }),
  saveDesign: object({ path: optional(PATH), suggestedName: NAME, text: DOCUMENT }),
  listDirectory: object({ path: PATH }),
  recentFiles: nothing,
  setDocumentState: object({ title: string({ maxLength: 500 }), dirty: boolean }),
  exportFile: object({ suggestedName: NAME, base64: string({ maxLength: 200_000_000 }) }),
  saveRecovery: object({ id: RECOVERY_ID, name: string({ maxLength: 500 }), file: optional(object({ path: PATH, name: NAME })), text: DOCUMENT }),
  recoveryCopies: nothing,
  discardRecovery: object({ id: RECOVERY_ID }),
  // The store and the upload writer check ids, relative paths and decoded sizes themselves.
  uploadFiles: object({ folder: PATH, files: array(object({ path: string({ maxLength: 4096, nonEmpty: true }), base64: string({ maxLength: 90_000_000 }) }), 2000) }),
  modelArchive: object({ source: PATH, name: optional(NAME) }),
  backends: nothing,
  scanDataset: object({ path: optional(PATH), inputSize: number({ min: 1, max: 4096, integer: true }) }),
  startTraining: object({
    design: DOCUMENT,
    data: optional(PATH),
    validation: optional(PATH),
    config: trainConfig,
    backend: optional(BACKEND),
    resumeRunDir: optional(PATH),
    designFile: optional(PATH),
  }),
  pauseTraining: object({ runId: RUN_ID }),
  resumeTraining: object({ runId: RUN_ID }),
  stopTraining: object({ runId: RUN_ID }),
  listRuns: object({ designName: optional(string({ maxLength: 500 })) }),
  predict: object({
    model: union(object({ kind: literal('design'), design: DOCUMENT }), object({ kind: literal('modelDir'), path: PATH })),
    images: array(union(object({ path: PATH }), object({ name: NAME, base64: string({ maxLength: 100_000_000 }) })), 1000),
    top: number({ min: 1, max: 1000, integer: true }),
    backend: optional(BACKEND),
  }),
  evaluate: object({ model: PATH, data: optional(PATH), backend: optional(BACKEND) }),
  saveModel: object({ source: PATH, path: optional(PATH), suggestedName: NAME }),
  runEvents: object({ runDir: PATH }),
};
