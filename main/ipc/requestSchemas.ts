/**
 * The schema of every contract method's request. The mapped type forces one entry per
 * StudioMethod, so a method added to app/protocol.ts cannot reach a handler unvalidated.
 */

import type { StudioHost, StudioMethod } from '../../app/protocol';
import { DATASET_KINDS } from '../../app/protocol';
import { DESIGN_LIMITS } from '../../app/design/limits';
import type { TrainConfig } from '../../app/training/types';
import type { Check } from './schema';
import { array, boolean, literal, nothing, number, object, optional, string, union } from './schema';

export type RequestOf<M extends StudioMethod> = Parameters<StudioHost[M]>[0];

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
const BACKEND = literal('tensorflow-gpu', 'tensorflow', 'wasm', 'cpu');
const positive = number({ min: 0 });

const trainConfig: Check<Partial<TrainConfig>> = object({
  optimizer: optional(literal('rmsprop', 'sgd', 'adam')),
  learningRate: optional(positive),
  lrDecayRate: optional(positive),
  lrDecayEpochs: optional(positive),
  rmsDecay: optional(positive),
  epsilon: optional(positive),
  momentum: optional(positive),
  clipNorm: optional(positive),
  emaDecay: optional(number({ min: 0, max: 1 })),
  labelSmoothing: optional(number({ min: 0, max: 1 })),
  weightDecay: optional(positive),
  batchSize: optional(number({ min: 1, max: 65_536, integer: true })),
  epochs: optional(number({ min: 1, max: 100_000, integer: true })),
  seed: optional(number({ integer: true })),
  validationSplit: optional(number({ min: 0, max: 0.9 })),
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
  backends: nothing,
  chooseDataset: object({ kind: literal(...DATASET_KINDS) }),
  scanDataset: object({ path: optional(PATH), inputSize: number({ min: 1, max: DESIGN_LIMITS.inputSize, integer: true }) }),
  startTraining: object({
    design: DOCUMENT,
    data: optional(PATH),
    validation: optional(PATH),
    config: trainConfig,
    backend: optional(BACKEND),
    resumeRunDir: optional(PATH),
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
  backends: SMALL,
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
};
