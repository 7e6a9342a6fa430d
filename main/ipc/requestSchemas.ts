/**
 * The schema of every contract method's request. The mapped type forces one entry per
 * StudioMethod, so a method added to app/protocol.ts cannot reach a handler unvalidated.
 */

import { BACKEND_NAMES } from '../../app/compute/backends';
import { PARALLEL_RUNS } from '../../app/experiments/types';
import { DESIGN_LIMITS } from '../../app/design/limits';
import { DATASET_KINDS, IMPORT_SOURCE_KINDS, MODEL_EXPORT_FORMATS, type RequestOf, type StudioMethod } from '../../app/protocol';
import { HYPERPARAMETERS, NUMERIC_HYPERPARAMETERS, OPTIMIZER_NAMES, type NumericHyperparameter } from '../../app/training/hyperparameters';
import type { TrainConfig } from '../../app/training/types';
import { IMAGE_CACHE_RANGE } from '../../app/training/imageCache';
import { WORKERS_RANGE } from '../../app/training/replicas';
import { UPLOAD_LIMITS } from '../../app/uploads';
import type { Check } from './schema';
import { array, boolean, literal, nothing, number, object, optional, string, union } from './schema';

const PATH = string({ maxLength: 4096, nonEmpty: true });
const NAME = string({ maxLength: 255, nonEmpty: true });
/** Designs of the largest presets serialise to well under this; a 60,000-node design fits. */
export const MAX_DESIGN_CHARS = 20_000_000;
const DOCUMENT = string({ maxLength: MAX_DESIGN_CHARS });
/** An exported image or a dropped image to classify, as base64 (about 36 MB of file). */
const MAX_FILE_BASE64 = 48_000_000;
/** Images to classify in one request; they are decoded a few at a time. */
const MAX_PREDICT_IMAGES = 1000;
const RUN_ID = string({ maxLength: 200, nonEmpty: true });
const RECOVERY_ID = string({ maxLength: 64, nonEmpty: true });
const BACKEND = literal(...BACKEND_NAMES);
/** An experiment spec as JSON text: a few variants, far below this. */
const MAX_SPEC_CHARS = 1_000_000;
const SPEC = string({ maxLength: MAX_SPEC_CHARS, nonEmpty: true });
const EXPERIMENT_ID = string({ maxLength: 200, nonEmpty: true });

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
  exportFile: object({ suggestedName: NAME, base64: string({ maxLength: MAX_FILE_BASE64 }) }),
  saveRecovery: object({ id: RECOVERY_ID, name: string({ maxLength: 500 }), file: optional(object({ path: PATH, name: NAME })), text: DOCUMENT }),
  recoveryCopies: nothing,
  discardRecovery: object({ id: RECOVERY_ID }),
  // The store and the upload writer check ids, relative paths and decoded sizes themselves.
  uploadFiles: object({ folder: PATH, files: array(object({ path: string({ maxLength: 4096, nonEmpty: true }), base64: string({ maxLength: Math.ceil((UPLOAD_LIMITS.fileBytes * 4) / 3) + 4 }) }), UPLOAD_LIMITS.filesPerRequest) }),
  modelArchive: object({ source: PATH, name: optional(NAME) }),
  backends: nothing,
  chooseDataset: object({ kind: literal(...DATASET_KINDS) }),
  doctor: object({ benchmark: boolean }),
  scanDataset: object({ path: optional(PATH), inputSize: number({ min: 1, max: DESIGN_LIMITS.inputSize, integer: true }) }),
  startTraining: object({
    design: DOCUMENT,
    data: optional(PATH),
    validation: optional(PATH),
    config: trainConfig,
    backend: optional(BACKEND),
    memoryBytes: optional(number({ min: 1 })),
    workers: optional(number(WORKERS_RANGE)),
    imageCacheMegabytes: optional(number(IMAGE_CACHE_RANGE)),
    resumeRunDir: optional(PATH),
    designFile: optional(PATH),
  }),
  pauseTraining: object({ runId: RUN_ID }),
  resumeTraining: object({ runId: RUN_ID }),
  stopTraining: object({ runId: RUN_ID }),
  listRuns: object({ designName: optional(string({ maxLength: 500 })) }),
  predict: object({
    model: union(object({ kind: literal('design'), design: DOCUMENT }), object({ kind: literal('modelDir'), path: PATH })),
    images: array(union(object({ path: PATH }), object({ name: NAME, base64: string({ maxLength: MAX_FILE_BASE64 }) })), MAX_PREDICT_IMAGES),
    top: number({ min: 1, max: 1000, integer: true }),
    backend: optional(BACKEND),
  }),
  evaluate: object({ model: PATH, data: optional(PATH), backend: optional(BACKEND) }),
  saveModel: object({ source: PATH, path: optional(PATH), suggestedName: NAME }),
  runEvents: object({ runDir: PATH }),
  exportModel: object({
    format: literal(...MODEL_EXPORT_FORMATS),
    source: union(object({ kind: literal('design'), design: DOCUMENT, seed: number({ min: 0, max: 2 ** 31 - 1, integer: true }) }), object({ kind: literal('modelDir'), path: PATH })),
    suggestedName: NAME,
    to: literal('host', 'download'),
    path: optional(PATH),
  }),
  chooseImportSource: object({ kind: literal(...IMPORT_SOURCE_KINDS) }),
  importModel: object({ source: PATH, path: optional(PATH), suggestedName: NAME }),
  listExperiments: nothing,
  previewExperiment: object({ spec: SPEC }),
  startExperiment: object({ spec: SPEC, parallel: optional(number({ ...PARALLEL_RUNS, integer: true })) }),
  experimentStatus: object({ id: EXPERIMENT_ID }),
  controlExperiment: object({
    id: EXPERIMENT_ID,
    action: union(
      object({ type: literal('pause') }),
      object({ type: literal('resume') }),
      object({ type: literal('cancel'), runId: RUN_ID }),
      object({ type: literal('move'), runId: RUN_ID, index: number({ min: 0, max: 100_000, integer: true }) }),
    ),
  }),
  experimentReport: object({ id: EXPERIMENT_ID }),
};

/** Room for the request's other fields and JSON punctuation. */
const SMALL = 64 * 1024;
/** JSON escapes a document's quotes and newlines: at worst twice its length. */
const ESCAPED = 2;

/**
 * The largest request body each method accepts on the web host, from its schema's limits: a
 * design's worth for methods that carry one, an image's for exports, a batch for predictions
 * (whose images are then decoded a few at a time, each shrunk as it is decoded).
 */
export const requestBodyLimits: { readonly [M in StudioMethod]: number } = {
  info: SMALL,
  openDesign: SMALL,
  saveDesign: ESCAPED * MAX_DESIGN_CHARS + SMALL,
  listDirectory: SMALL,
  recentFiles: SMALL,
  setDocumentState: SMALL,
  exportFile: MAX_FILE_BASE64 + SMALL,
  saveRecovery: ESCAPED * MAX_DESIGN_CHARS + SMALL,
  recoveryCopies: SMALL,
  discardRecovery: SMALL,
  // One request's files as base64 (4 characters per 3 bytes), with their relative paths.
  uploadFiles: Math.ceil((UPLOAD_LIMITS.requestBytes * 4) / 3) + UPLOAD_LIMITS.filesPerRequest * 4 * 1024 + SMALL,
  modelArchive: SMALL,
  backends: SMALL,
  doctor: SMALL,
  chooseDataset: SMALL,
  scanDataset: SMALL,
  startTraining: ESCAPED * MAX_DESIGN_CHARS + SMALL,
  pauseTraining: SMALL,
  resumeTraining: SMALL,
  stopTraining: SMALL,
  listRuns: SMALL,
  // A design with random weights, then two of the largest images or many small ones.
  predict: ESCAPED * MAX_DESIGN_CHARS + 2 * MAX_FILE_BASE64 + SMALL,
  saveModel: SMALL,
  evaluate: SMALL,
  runEvents: SMALL,
  exportModel: ESCAPED * MAX_DESIGN_CHARS + SMALL,
  chooseImportSource: SMALL,
  importModel: SMALL,
  listExperiments: SMALL,
  previewExperiment: ESCAPED * MAX_SPEC_CHARS + SMALL,
  startExperiment: ESCAPED * MAX_SPEC_CHARS + SMALL,
  experimentStatus: SMALL,
  controlExperiment: SMALL,
  experimentReport: SMALL,
};
