/**
 * Training: configuration, the events a run emits, and the dataset scan report. Pure types,
 * shared by the trainer process, the command line, the Electron host, the web host and the UI.
 */

import type { ProgressEvent } from './progress';

export type OptimizerName = 'rmsprop' | 'sgd' | 'adam';

export interface TrainConfig {
  optimizer: OptimizerName;
  /** Initial learning rate (paper: 0.045). */
  learningRate: number;
  /** Multiply the rate by `lrDecayRate` every `lrDecayEpochs` epochs (paper: 0.94 every 2). */
  lrDecayRate: number;
  lrDecayEpochs: number;
  /** RMSProp decay (paper: 0.9) and epsilon (paper: 1.0). */
  rmsDecay: number;
  epsilon: number;
  /** Momentum for SGD and RMSProp (TF-slim uses 0.9 for both). */
  momentum: number;
  /** Clip gradients to this global norm (Inception-v3: 2.0); 0 disables. */
  clipNorm: number;
  /** Exponential moving average of weights used for evaluation; 0 disables. */
  emaDecay: number;
  labelSmoothing: number;
  weightDecay: number;
  batchSize: number;
  epochs: number;
  seed: number;
  /** Fraction held out for validation when no validation folder is given. */
  validationSplit: number;
  augment: boolean;
}

export interface ClassCount {
  name: string;
  count: number;
}

export interface DatasetProblem {
  file: string;
  problem: string;
}

export interface ScanReport {
  root: string;
  kind: 'folder' | 'csv' | 'bundled';
  classes: readonly ClassCount[];
  total: number;
  unreadable: readonly DatasetProblem[];
  smallerThanInput: readonly DatasetProblem[];
  /** Largest class count divided by smallest; warn above 2. */
  imbalance: number;
  warnings: readonly string[];
}

export interface StepMetrics {
  loss: number;
  top1: number;
  top5: number;
}

export type TrainEvent =
  | { type: 'scan'; report: ScanReport }
  | {
      type: 'start';
      runId: string;
      runDir: string;
      backend: string;
      device: string;
      stepsPerEpoch: number;
      totalSteps: number;
      config: TrainConfig;
      /** Class names in label order (the network's output order). */
      classNames?: readonly string[];
      resumedFrom?: { epoch: number; step: number };
    }
  /** `epoch` counts from 1, `step` from 1 within the epoch; `globalStep` is the steps done in the run; metrics are the batch's. */
  | ({ type: 'step'; epoch: number; step: number; globalStep: number; lr: number; imagesPerSecond: number; etaSeconds: number } & StepMetrics)
  /** After epoch `epoch` (from 1): mean training metrics, validation with the averaged weights. */
  | {
      type: 'epoch';
      epoch: number;
      train: StepMetrics;
      validation: StepMetrics | null;
      /** `validationConfusion[true][predicted]` image counts of the validation pass, classes in `start.classNames` order; absent without validation and in runs logged before it existed. */
      validationConfusion?: readonly (readonly number[])[];
      lr: number;
      seconds: number;
    }
  | { type: 'checkpoint'; kind: 'last' | 'best'; epoch: number; path: string }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'done'; reason: 'completed' | 'cancelled'; epochs: number; bestValTop1: number | null; lastCheckpoint: string | null }
  | { type: 'error'; message: string; lastCheckpoint: string | null }
  | { type: 'log'; level: 'info' | 'warning'; message: string }
  /** Long preparation before the first step: the dataset's files being checked (`task: 'scan'`). */
  | ProgressEvent;

/** What `evaluate` reports for a model on a dataset (central crops, no augmentation). */
export interface EvaluationReport {
  images: number;
  loss: number;
  top1: number;
  top5: number;
  classNames: readonly string[];
  /** `confusion[true][predicted]` image counts. */
  confusion: readonly (readonly number[])[];
}
