/**
 * The training recipe of Szegedy et al. 2016 (Sec. 4) with the numbers the paper leaves out
 * taken from Inception-v3 (arXiv 1512.00567, Sec. 8) and TF-slim's defaults.
 */

import type { OptimizerName, TrainConfig } from './types';

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

const optimizers: readonly OptimizerName[] = ['rmsprop', 'sgd', 'adam'];

type Check = (value: number) => boolean;
const positive: Check = (v) => v > 0;
const nonNegative: Check = (v) => v >= 0;
const unitOpen: Check = (v) => v >= 0 && v < 1;
const positiveInteger: Check = (v) => Number.isInteger(v) && v > 0;

const numericRules: Readonly<Record<Exclude<keyof TrainConfig, 'optimizer' | 'augment'>, [Check, string]>> = {
  learningRate: [positive, 'a number > 0'],
  lrDecayRate: [(v) => v > 0 && v <= 1, 'a number in (0, 1]'],
  lrDecayEpochs: [positive, 'a number > 0'],
  rmsDecay: [unitOpen, 'a number in [0, 1)'],
  epsilon: [positive, 'a number > 0'],
  momentum: [unitOpen, 'a number in [0, 1)'],
  clipNorm: [nonNegative, 'a number ≥ 0 (0 disables clipping)'],
  emaDecay: [unitOpen, 'a number in [0, 1) (0 disables the average)'],
  labelSmoothing: [unitOpen, 'a number in [0, 1)'],
  weightDecay: [nonNegative, 'a number ≥ 0'],
  batchSize: [positiveInteger, 'a whole number > 0'],
  epochs: [positiveInteger, 'a whole number > 0'],
  seed: [(v) => Number.isInteger(v) && v >= 0, 'a whole number ≥ 0'],
  validationSplit: [unitOpen, 'a number in [0, 1)'],
};

/** Problems with a configuration, one sentence each naming the field; empty when it is usable. */
export function trainConfigProblems(config: TrainConfig): string[] {
  const problems: string[] = [];
  if (!optimizers.includes(config.optimizer)) {
    problems.push(`optimizer '${String(config.optimizer)}' is unknown; use one of ${optimizers.join(', ')}.`);
  }
  if (typeof config.augment !== 'boolean') problems.push('augment must be true or false.');
  for (const [key, [check, wanted]] of Object.entries(numericRules)) {
    const value = config[key as keyof typeof numericRules];
    if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
      problems.push(`${key} must be ${wanted}, got ${JSON.stringify(value)}.`);
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
