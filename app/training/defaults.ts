/**
 * The training recipe of Szegedy et al. 2016 (Sec. 4) with the numbers the paper leaves out
 * taken from Inception-v3 (arXiv 1512.00567, Sec. 8) and TF-slim's defaults, and the checks of a
 * configuration against the ranges in `HYPERPARAMETERS`.
 */

import { describeRange, inRange } from '../numberRange';
import { HYPERPARAMETERS, isOptimizerName, OPTIMIZER_NAMES, type NumericHyperparameter, type OptimizerName } from './hyperparameters';
import type { TrainConfig } from './types';

export const defaultTrainConfig: Readonly<TrainConfig> = Object.freeze({
  optimizer: 'rmsprop',
  learningRate: 0.045,
  lrDecayRate: 0.94,
  lrDecayEpochs: 2,
  rmsDecay: 0.9,
  epsilon: 1.0,
  momentum: 0.9,
  clipNorm: 2.0,
  emaDecay: 0.9999,
  labelSmoothing: 0.1,
  weightDecay: 4e-5,
  batchSize: 32,
  epochs: 100,
  seed: 1,
  validationSplit: 0.1,
  augment: true,
});

/** Adam at the paper's 0.045 diverges; it gets its own customary rate unless one is given. */
const defaultRateFor: Readonly<Record<OptimizerName, number>> = { rmsprop: 0.045, sgd: 0.045, adam: 0.001 };

/** What a setting must be, in words: 'a number in [0, 1) (0 disables the average)'. */
export function describeHyperparameter(key: NumericHyperparameter): string {
  const { range } = HYPERPARAMETERS[key];
  const zero = 'zero' in HYPERPARAMETERS[key] ? ` (0 ${HYPERPARAMETERS[key].zero})` : '';
  return `${describeRange(range)}${zero}`;
}

/** The numeric settings in configuration order. */
const numericKeys = Object.keys(defaultTrainConfig).filter((key): key is NumericHyperparameter => Object.hasOwn(HYPERPARAMETERS, key));

/** Problems with a configuration, one sentence each naming the field; empty when it is usable. */
export function trainConfigProblems(config: TrainConfig): string[] {
  const problems: string[] = [];
  if (!isOptimizerName(config.optimizer)) {
    problems.push(`optimizer '${String(config.optimizer)}' is unknown; use one of ${OPTIMIZER_NAMES.join(', ')}.`);
  }
  if (typeof config.augment !== 'boolean') problems.push('augment must be true or false.');
  for (const key of numericKeys) {
    const value = config[key];
    if (typeof value !== 'number' || !inRange(HYPERPARAMETERS[key].range, value)) {
      problems.push(`${key} must be ${describeHyperparameter(key)}, got ${JSON.stringify(value)}.`);
    }
  }
  return problems;
}

/** A configuration with fields out of range; the message names each. */
export class TrainConfigError extends Error {
  override name = 'TrainConfigError';
}

/** Fill a partial configuration with the defaults; throws (TrainConfigError) naming every bad field. */
export function resolveTrainConfig(partial: Partial<TrainConfig>): TrainConfig {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<TrainConfig>;
  const optimizer = defined.optimizer ?? defaultTrainConfig.optimizer;
  const config: TrainConfig = {
    ...defaultTrainConfig,
    learningRate: defaultRateFor[optimizer] ?? defaultTrainConfig.learningRate,
    ...defined,
  };
  const problems = trainConfigProblems(config);
  if (problems.length > 0) throw new TrainConfigError(`Invalid training configuration: ${problems.join(' ')}`);
  return config;
}
