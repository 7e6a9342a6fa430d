/**
 * The training settings `train` takes on its command line: the short flags (`--epochs`,
 * `--batch`, `--lr`, `--seed`, `--optimizer`) and `--set KEY=VALUE` for any numeric
 * hyperparameter. Names and ranges come from the core's table, so a value the trainer would
 * refuse is refused here, before a process starts, in the same words.
 */

import type { ParsedValues } from './commandArgs';
import { describeHyperparameter } from '../training/defaults';
import { HYPERPARAMETERS, isOptimizerName, NUMERIC_HYPERPARAMETERS, OPTIMIZER_NAMES, type NumericHyperparameter } from '../training/hyperparameters';
import type { TrainConfig } from '../training/types';
import { inRange } from '../numberRange';
import type { Result } from '../result';

/** The short flags and the setting each one sets. */
const CONFIG_FLAGS = { epochs: 'epochs', batch: 'batchSize', lr: 'learningRate', seed: 'seed' } as const satisfies Record<string, NumericHyperparameter>;

export const trainConfigFlagOptions = {
  ...Object.fromEntries(Object.keys(CONFIG_FLAGS).map((flag) => [flag, { type: 'string' }])),
  optimizer: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const;

function isHyperparameter(key: string): key is NumericHyperparameter {
  return Object.hasOwn(HYPERPARAMETERS, key);
}

/** One setting's value from its text, or why not (`what` names it as the user wrote it). */
function settingValue(key: NumericHyperparameter, text: string, what: string): Result<number> {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, error: `${what}: expected a number.` };
  if (!inRange(HYPERPARAMETERS[key].range, value)) return { ok: false, error: `${what}: ${key} must be ${describeHyperparameter(key)}.` };
  return { ok: true, value };
}

/** The configuration the flags ask for (only what they set), or the first problem. */
export function trainConfigFlags(values: ParsedValues): Result<Partial<TrainConfig>> {
  const config: Partial<TrainConfig> = {};
  for (const [flag, key] of Object.entries(CONFIG_FLAGS)) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    const value = settingValue(key, text, `--${flag} ${text}`);
    if (!value.ok) return value;
    config[key] = value.value;
  }
  for (const pair of Array.isArray(values.set) ? values.set.map(String) : []) {
    const [key, text] = [pair.slice(0, Math.max(0, pair.indexOf('='))), pair.slice(pair.indexOf('=') + 1)];
    if (!isHyperparameter(key)) return { ok: false, error: `--set ${pair}: expected KEY=VALUE with KEY one of ${NUMERIC_HYPERPARAMETERS.join(', ')}.` };
    const value = settingValue(key, text, `--set ${pair}`);
    if (!value.ok) return value;
    config[key] = value.value;
  }
  const optimizer = values.optimizer;
  if (typeof optimizer === 'string') {
    if (!isOptimizerName(optimizer)) return { ok: false, error: `--optimizer ${optimizer}: expected ${OPTIMIZER_NAMES.join(', ')}.` };
    config.optimizer = optimizer;
  }
  return { ok: true, value: config };
}

/** The usage lines of `--set`: every key with its range. */
export function hyperparameterUsage(): string[] {
  return NUMERIC_HYPERPARAMETERS.map((key) => `    ${key.padEnd(16)} ${describeHyperparameter(key)}`);
}
