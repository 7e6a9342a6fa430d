/** The training settings the panel shows: label, input kind and a one-line explanation each. */

import { resolveTrainConfig } from '../../../app/training/defaults';
import type { OptimizerName, TrainConfig } from '../../../app/training/types';

export type NumericKey = Exclude<keyof TrainConfig, 'optimizer' | 'augment'>;

export interface NumericField {
  key: NumericKey;
  label: string;
  step: number;
  explanation: string;
}

/** In the order a user thinks about them: how long, how big, how fast, then the finer points. */
export const numericFields: readonly NumericField[] = [
  { key: 'epochs', label: 'Epochs', step: 1, explanation: 'Passes over the training images.' },
  { key: 'batchSize', label: 'Batch size', step: 1, explanation: 'Images per step; memory grows with it (see the estimate).' },
  { key: 'learningRate', label: 'Learning rate', step: 0.001, explanation: 'Step size at the start. Paper: 0.045 (RMSProp); lower it with smaller batches.' },
  { key: 'lrDecayRate', label: 'Rate decay', step: 0.01, explanation: 'Multiply the rate by this every few epochs. Paper: 0.94.' },
  { key: 'lrDecayEpochs', label: 'Decay every (epochs)', step: 1, explanation: 'How often the rate decays. Paper: every 2 epochs.' },
  { key: 'momentum', label: 'Momentum', step: 0.01, explanation: 'Keeps a running direction across steps. TF-slim: 0.9.' },
  { key: 'rmsDecay', label: 'RMSProp decay', step: 0.01, explanation: 'How fast RMSProp forgets old gradient sizes. Paper: 0.9.' },
  { key: 'epsilon', label: 'RMSProp epsilon', step: 0.1, explanation: 'Damps steps where gradients are small. Paper: 1.0.' },
  { key: 'clipNorm', label: 'Gradient clipping', step: 0.5, explanation: 'Caps the global gradient norm to keep training stable; 0 turns it off. Inception-v3: 2.0.' },
  { key: 'emaDecay', label: 'Weight averaging', step: 0.0001, explanation: 'Evaluates a moving average of the weights; 0 turns it off. Paper: 0.9999.' },
  { key: 'labelSmoothing', label: 'Label smoothing', step: 0.05, explanation: 'Spreads this much of each target over all classes; discourages over-confidence. 0.1.' },
  { key: 'weightDecay', label: 'Weight decay', step: 0.00001, explanation: 'L2 penalty on the weights. TF-slim: 0.00004.' },
  { key: 'validationSplit', label: 'Validation split', step: 0.05, explanation: 'Share of images held out to measure accuracy each epoch.' },
  { key: 'seed', label: 'Seed', step: 1, explanation: 'Makes the split, shuffling and augmentation repeatable.' },
];

/** Settings a 0 switches off: a run's settings say "off" rather than a bare 0. */
const OFF_AT_ZERO: ReadonlySet<keyof TrainConfig> = new Set(['clipNorm', 'emaDecay', 'labelSmoothing', 'weightDecay']);

/** A run's settings as the form names them, in the form's order: `Gradient clipping 2`, never `clipNorm`. */
export function settingRows(config: TrainConfig): { label: string; value: string }[] {
  return [
    { label: 'Optimizer', value: config.optimizer },
    ...numericFields.map((field) => ({ label: field.label, value: config[field.key] === 0 && OFF_AT_ZERO.has(field.key) ? 'off' : String(config[field.key]) })),
    { label: 'Augment training images', value: config.augment ? 'yes' : 'no' },
  ];
}

export const optimizerExplanation = 'RMSProp is the paper’s choice; SGD is simpler; Adam needs a much lower rate (0.001).';
export const augmentExplanation = 'Random crops, flips and colour changes on training images: slower to fit, better on new images.';

/** A rate still at the old optimizer's default follows the new one's (Adam diverges at RMSProp's 0.045). */
export function optimizerChange(config: TrainConfig, optimizer: OptimizerName): Partial<TrainConfig> {
  const atDefault = config.learningRate === resolveTrainConfig({ optimizer: config.optimizer }).learningRate;
  return atDefault ? { optimizer, learningRate: resolveTrainConfig({ optimizer }).learningRate } : { optimizer };
}
