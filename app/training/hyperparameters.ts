/**
 * The names and bounds of training, stated once: the optimizers, the metrics a run reports, and
 * every numeric hyperparameter with its range, label and explanation. The TypeScript types, the
 * request schemas, the trainer's checks, the command line's flag checks and the training
 * panel's fields are derived from these.
 */

import type { NumberRange } from '../numberRange';

export const OPTIMIZER_NAMES = ['rmsprop', 'sgd', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export function isOptimizerName(value: unknown): value is OptimizerName {
  return (OPTIMIZER_NAMES as readonly unknown[]).includes(value);
}

/**
 * What a run measures per step, per epoch and in evaluation: the loss (cross-entropy,
 * label-smoothed while training) and accuracies, a fraction of the images, shown as percentages.
 */
export const METRICS = [
  { name: 'loss', label: 'loss', accuracy: false },
  { name: 'top1', label: 'top-1', accuracy: true },
  { name: 'top5', label: 'top-5', accuracy: true },
] as const;
export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES: readonly MetricName[] = METRICS.map((metric) => metric.name);

/** One metric's value as text: a loss to 4 places, an accuracy as a percentage. */
export function metricText(metric: (typeof METRICS)[number], value: number, percentDigits = 1): string {
  return metric.accuracy ? `${(value * 100).toFixed(percentDigits)}%` : value.toFixed(4);
}

export interface Hyperparameter {
  readonly range: NumberRange;
  /** What the value 0 means, where it switches something off. */
  readonly zero?: string;
  readonly label: string;
  /** The step of the panel's number field. */
  readonly step: number;
  readonly explanation: string;
}

/** Ranges of the numeric settings, in the order a user thinks about them: how long, how big, how fast, then the finer points. */
export const HYPERPARAMETERS = {
  epochs: { range: { min: 0, minExclusive: true, integer: true }, label: 'Epochs', step: 1, explanation: 'Passes over the training images.' },
  batchSize: { range: { min: 0, minExclusive: true, integer: true }, label: 'Batch size', step: 1, explanation: 'Images per step; memory grows with it (see the estimate).' },
  learningRate: { range: { min: 0, minExclusive: true }, label: 'Learning rate', step: 0.001, explanation: 'Step size at the start. Paper: 0.045 (RMSProp); lower it with smaller batches.' },
  lrDecayRate: { range: { min: 0, minExclusive: true, max: 1 }, label: 'Rate decay', step: 0.01, explanation: 'Multiply the rate by this every few epochs. Paper: 0.94.' },
  lrDecayEpochs: { range: { min: 0, minExclusive: true }, label: 'Decay every (epochs)', step: 1, explanation: 'How often the rate decays. Paper: every 2 epochs.' },
  momentum: { range: { min: 0, max: 1, maxExclusive: true }, label: 'Momentum', step: 0.01, explanation: 'Keeps a running direction across steps. TF-slim: 0.9.' },
  rmsDecay: { range: { min: 0, max: 1, maxExclusive: true }, label: 'RMSProp decay', step: 0.01, explanation: 'How fast RMSProp forgets old gradient sizes. Paper: 0.9.' },
  epsilon: { range: { min: 0, minExclusive: true }, label: 'RMSProp epsilon', step: 0.1, explanation: 'Damps steps where gradients are small. Paper: 1.0.' },
  clipNorm: {
    range: { min: 0 },
    zero: 'disables clipping',
    label: 'Gradient clipping',
    step: 0.5,
    explanation: 'Caps the global gradient norm to keep training stable; 0 turns it off. Inception-v3: 2.0.',
  },
  emaDecay: {
    range: { min: 0, max: 1, maxExclusive: true },
    zero: 'disables the average',
    label: 'Weight averaging',
    step: 0.0001,
    explanation: 'Evaluates a moving average of the weights; 0 turns it off. Paper: 0.9999.',
  },
  labelSmoothing: {
    range: { min: 0, max: 1, maxExclusive: true },
    zero: 'disables smoothing',
    label: 'Label smoothing',
    step: 0.05,
    explanation: 'Spreads this much of each target over all classes; discourages over-confidence. 0.1.',
  },
  weightDecay: { range: { min: 0 }, zero: 'disables the penalty', label: 'Weight decay', step: 0.00001, explanation: 'L2 penalty on the weights. TF-slim: 0.00004.' },
  validationSplit: { range: { min: 0, max: 1, maxExclusive: true }, label: 'Validation split', step: 0.05, explanation: 'Share of images held out to measure accuracy each epoch.' },
  seed: { range: { min: 0, integer: true }, label: 'Seed', step: 1, explanation: 'Makes the split, shuffling and augmentation repeatable.' },
} as const satisfies Record<string, Hyperparameter>;

export type NumericHyperparameter = keyof typeof HYPERPARAMETERS;
export const NUMERIC_HYPERPARAMETERS = Object.keys(HYPERPARAMETERS) as NumericHyperparameter[];
