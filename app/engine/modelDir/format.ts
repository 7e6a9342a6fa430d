/** The saved-model directory: file names, the metadata record and the errors a load can raise. */

import type { InputPreparation } from '../../training/preprocessing';

export const MODEL_FORMAT = 'inception-studio/model';
export const MODEL_FORMAT_VERSION = 1;

export const MODEL_FILES = {
  design: 'design.incept.json',
  topology: 'model.json',
  weights: 'weights.bin',
  labels: 'labels.json',
  metadata: 'metadata.json',
} as const;

export interface ModelMetadata {
  format: typeof MODEL_FORMAT;
  version: number;
  createdAt: string;
  /** The backend the weights were last computed on (`wasm`, `tensorflow`, …). */
  backend: string;
  designName: string;
  /** Network input `[height, width, channels]`. */
  input: readonly number[];
  /** How an image becomes input; missing in directories written before it was recorded (then Inception's). */
  preprocessing: InputPreparation;
  /** Outputs; `labels.json` names them in this order. */
  classes: number;
  weightsBytes: number;
  /** Whatever the trainer needs to resume (epoch, optimizer, …); null for an untrained model. */
  training: unknown;
}

/** A model directory that cannot be loaded; the message says which file and why. */
export class ModelDirError extends Error {
  constructor(
    readonly dir: string,
    readonly file: string | null,
    reason: string,
  ) {
    super(`Model directory '${dir}'${file ? `, ${file}` : ''}: ${reason}`);
    this.name = 'ModelDirError';
  }
}
