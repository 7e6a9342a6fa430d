/**
 * Training: configuration, the events a run emits, and the dataset scan report. Pure types,
 * shared by the trainer process, the command line, the Electron host, the web host and the UI.
 */

import type { MetricName, NumericHyperparameter, OptimizerName } from './hyperparameters';
import type { ProgressEvent } from './progress';

/**
 * A run's settings: the optimizer, whether to augment, and every numeric hyperparameter of the
 * core's table (`HYPERPARAMETERS`: ranges, labels and what each does). The paper's values are
 * `defaultTrainConfig`.
 */
export type TrainConfig = { optimizer: OptimizerName; augment: boolean } & { [K in NumericHyperparameter]: number };

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

/** One value per metric of `METRICS`: loss, top-1 and top-5 accuracy. */
export type StepMetrics = { [K in MetricName]: number };

/**
 * Why a run ended in an error: its input cannot be used (dataset, settings, run folder,
 * checkpoint, backend), its design cannot be trained, or the training itself failed.
 */
export const TRAIN_FAILURE_KINDS = ['input', 'design', 'failure'] as const;
export type TrainFailureKind = (typeof TRAIN_FAILURE_KINDS)[number];

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
      /** Data-parallel replicas (wasm worker threads, the main thread included); 1: one instance. */
      workers?: number;
    }
  /** `epoch` counts from 1, `step` from 1 within the epoch; `globalStep` is the steps done in the run; metrics are the batch's. */
  /** `pipelineImagesPerSecond`: the pace of decoding and augmentation alone, to compare with `imagesPerSecond` (training keeps up when it is higher). */
  | ({ type: 'step'; epoch: number; step: number; globalStep: number; lr: number; imagesPerSecond: number; etaSeconds: number; pipelineImagesPerSecond?: number } & StepMetrics)
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
  /** `kind` (absent in runs logged before it existed): what the command line's exit status says. */
  | { type: 'error'; message: string; lastCheckpoint: string | null; kind?: TrainFailureKind }
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
