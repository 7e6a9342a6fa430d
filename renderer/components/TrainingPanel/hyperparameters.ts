/** The training settings the panel shows, derived from the core's table: label, range, step and a one-line explanation each. */

import { resolveTrainConfig } from '../../../app/training/defaults';
import { HYPERPARAMETERS, NUMERIC_HYPERPARAMETERS, type NumericHyperparameter, type OptimizerName } from '../../../app/training/hyperparameters';
import type { NumberRange } from '../../../app/numberRange';
import type { TrainConfig } from '../../../app/training/types';

export type NumericKey = NumericHyperparameter;

export interface NumericField {
  key: NumericKey;
  label: string;
  step: number;
  /** The input's min/max attributes; the panel names an out-of-range value before Start. */
  range: NumberRange;
  explanation: string;
}

/** In the table's order: how long, how big, how fast, then the finer points. */
export const numericFields: readonly NumericField[] = NUMERIC_HYPERPARAMETERS.map((key) => {
  const { label, step, range, explanation } = HYPERPARAMETERS[key];
  return { key, label, step, range, explanation };
});

/** Whether 0 switches the setting off (the core's table says what it disables): a run's settings then say "off", not a bare 0. */
const offAtZero = (key: NumericKey): boolean => 'zero' in HYPERPARAMETERS[key];

/** A run's settings as the form names them, in the form's order: `Gradient clipping 2`, never `clipNorm`. */
export function settingRows(config: TrainConfig): { label: string; value: string }[] {
  return [
    { label: 'Optimizer', value: config.optimizer },
    ...numericFields.map((field) => ({ label: field.label, value: config[field.key] === 0 && offAtZero(field.key) ? 'off' : String(config[field.key]) })),
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
