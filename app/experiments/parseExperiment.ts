/**
 * Reading an experiment spec: every problem is reported with the path of its field
 * (`variants[1].options.width`), in the words the design parser uses, so a spec written by hand
 * can be fixed in one pass. Presets are built here too, so an option a preset cannot take
 * (`scales` on Inception-v4) is named before any run starts.
 */

import { describeFound, formatIssues, IssueList } from '../design/documentIssues';
import { parseJson } from '../design/documentJson';
import type { SchemaIssue } from '../design/types';
import { inRange } from '../numberRange';
import { buildPreset, isPresetName, PRESET_PREFIX, presets, PresetOptionError, PRESET_OPTION_KEYS, type PresetOptions } from '../presets/index';
import { parsePresetOption } from '../presets/options';
import type { Result } from '../result';
import { describeHyperparameter } from '../training/defaults';
import { HYPERPARAMETERS, isOptimizerName, NUMERIC_HYPERPARAMETERS, OPTIMIZER_NAMES, type NumericHyperparameter } from '../training/hyperparameters';
import { EXPERIMENT_FORMAT, EXPERIMENT_VERSION, type ExperimentFixed, type ExperimentSpec, type ExperimentTraining, type ExperimentVariant } from './types';
import { variantSlug } from './expandExperiment';

export interface ExperimentSpecError {
  issues: readonly SchemaIssue[];
  message: string;
}

const SPEC_FIELDS = ['format', 'version', 'name', 'description', 'figure', 'fixed', 'variants', 'seeds', 'targetAccuracy'];
const FIXED_FIELDS = ['data', 'validation', 'epochs', 'budgetMinutes', 'options', 'training'];
const VARIANT_FIELDS = ['name', 'design', 'options', 'training'];
/** Settings that are the experiment's own: epochs in `fixed`, seeds in `seeds`. */
const NOT_PER_RUN: Partial<Record<NumericHyperparameter, string>> = { epochs: 'fixed.epochs', seed: 'seeds' };
const TRAINING_KEYS = ['optimizer', 'augment', ...NUMERIC_HYPERPARAMETERS.filter((key) => NOT_PER_RUN[key] === undefined)];

function optionalString(value: unknown, path: string, issues: IssueList): value is string | undefined {
  return value === undefined || issues.string(value, path);
}

function trainingSettings(value: unknown, path: string, issues: IssueList): ExperimentTraining | undefined {
  if (value === undefined || !issues.record(value, path)) return undefined;
  const training: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(value)) {
    const at = `${path}.${key}`;
    const elsewhere = NOT_PER_RUN[key as NumericHyperparameter];
    if (elsewhere !== undefined) issues.add(at, `no ${key} here: every run's ${key} comes from ${elsewhere}`, describeFound(setting));
    else if (key === 'optimizer') issues.check(isOptimizerName(setting), at, `one of ${OPTIMIZER_NAMES.join(', ')}`, setting);
    else if (key === 'augment') issues.check(typeof setting === 'boolean', at, 'true or false', setting);
    else if (Object.hasOwn(HYPERPARAMETERS, key)) {
      const name = key as NumericHyperparameter;
      issues.check(typeof setting === 'number' && inRange(HYPERPARAMETERS[name].range, setting), at, describeHyperparameter(name), setting);
    } else issues.add(at, `no such setting (known: ${TRAINING_KEYS.join(', ')})`, describeFound(setting));
    training[key] = setting;
  }
  return training as ExperimentTraining;
}

/** Preset options as JSON values, checked by the same parsers as `--param key=value`. */
function presetOptions(value: unknown, path: string, issues: IssueList): PresetOptions | undefined {
  if (value === undefined || !issues.record(value, path)) return undefined;
  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (!(PRESET_OPTION_KEYS as readonly string[]).includes(key)) {
      issues.add(at, `no such preset option (known: ${PRESET_OPTION_KEYS.join(', ')})`, describeFound(option));
      continue;
    }
    const text = Array.isArray(option) ? option.join(',') : typeof option === 'object' ? '' : String(option);
    const parsed = parsePresetOption(key as keyof PresetOptions, text);
    if (parsed.ok) options[key] = parsed.value;
    else issues.add(at, parsed.error, describeFound(option));
  }
  return options as PresetOptions;
}

function fixedSettings(value: unknown, issues: IssueList): ExperimentFixed | undefined {
  if (!issues.record(value, 'fixed')) return undefined;
  issues.onlyKnown(value, 'fixed', FIXED_FIELDS);
  optionalString(value.data, 'fixed.data', issues);
  optionalString(value.validation, 'fixed.validation', issues);
  issues.integer(value.epochs, 'fixed.epochs', 1);
  if (value.budgetMinutes !== undefined) issues.check(typeof value.budgetMinutes === 'number' && value.budgetMinutes > 0, 'fixed.budgetMinutes', 'a number of minutes > 0', value.budgetMinutes);
  const options = presetOptions(value.options, 'fixed.options', issues);
  const training = trainingSettings(value.training, 'fixed.training', issues);
  return { ...(value as unknown as ExperimentFixed), ...(options ? { options } : {}), ...(training ? { training } : {}) };
}

/** Builds each preset variant with its options, so what a preset refuses is reported at the variant. */
function variant(value: unknown, path: string, fixed: ExperimentFixed | undefined, issues: IssueList): ExperimentVariant | undefined {
  if (!issues.record(value, path)) return undefined;
  issues.onlyKnown(value, path, VARIANT_FIELDS);
  issues.nonEmptyString(value.name, `${path}.name`);
  const options = presetOptions(value.options, `${path}.options`, issues);
  const training = trainingSettings(value.training, `${path}.training`, issues);
  if (!issues.nonEmptyString(value.design, `${path}.design`)) return undefined;
  if (value.design.startsWith(PRESET_PREFIX)) {
    const preset = value.design.slice(PRESET_PREFIX.length);
    if (!isPresetName(preset)) issues.add(`${path}.design`, `preset:NAME with NAME one of ${presets.map((p) => p.name).join(', ')}`, describeFound(value.design));
    else {
      try {
        buildPreset(preset, { ...fixed?.options, ...options });
      } catch (error) {
        if (!(error instanceof PresetOptionError)) throw error;
        issues.add(`${path}.options`, `options ${preset} takes — ${error.message.replace(/\.$/, '')}`, describeFound(value.options));
      }
    }
  } else if (value.options !== undefined) issues.add(`${path}.options`, `no options: they apply to presets (${PRESET_PREFIX}NAME) only`, describeFound(value.options));
  return { ...(value as unknown as ExperimentVariant), ...(options ? { options } : {}), ...(training ? { training } : {}) };
}

function variants(value: unknown, fixed: ExperimentFixed | undefined, issues: IssueList): ExperimentVariant[] {
  if (!issues.array(value, 'variants')) return [];
  if (value.length === 0) issues.add('variants', 'at least one variant', 'an empty array');
  const found = value.map((item, index) => variant(item, `variants[${index}]`, fixed, issues));
  const slugs = new Map<string, number>();
  found.forEach((item, index) => {
    if (item === undefined || typeof item.name !== 'string') return;
    const slug = variantSlug(item.name);
    const earlier = slugs.get(slug);
    if (earlier !== undefined) issues.add(`variants[${index}].name`, `a name unlike variants[${earlier}]'s (run ids are made from it: '${slug}')`, describeFound(item.name));
    else slugs.set(slug, index);
  });
  return found.filter((item): item is ExperimentVariant => item !== undefined);
}

function seeds(value: unknown, issues: IssueList): number[] {
  if (!issues.array(value, 'seeds')) return [];
  if (value.length === 0) issues.add('seeds', 'at least one seed', 'an empty array');
  value.forEach((seed, index) => issues.integer(seed, `seeds[${index}]`, 0));
  value.forEach((seed, index) => {
    if (value.indexOf(seed) !== index) issues.add(`seeds[${index}]`, 'a seed not given before', describeFound(seed));
  });
  return value as number[];
}

/** Checks a parsed spec; every problem is an issue with its path. */
export function validateExperiment(value: unknown): Result<ExperimentSpec, ExperimentSpecError> {
  const issues = new IssueList();
  if (!issues.record(value, '')) return failure(issues.issues);
  issues.onlyKnown(value, '', SPEC_FIELDS);
  issues.check(value.format === EXPERIMENT_FORMAT, 'format', `"${EXPERIMENT_FORMAT}"`, value.format);
  issues.check(value.version === EXPERIMENT_VERSION, 'version', String(EXPERIMENT_VERSION), value.version);
  issues.nonEmptyString(value.name, 'name');
  optionalString(value.description, 'description', issues);
  optionalString(value.figure, 'figure', issues);
  if (value.targetAccuracy !== undefined) issues.check(typeof value.targetAccuracy === 'number' && value.targetAccuracy > 0 && value.targetAccuracy <= 1, 'targetAccuracy', 'a fraction in (0, 1], e.g. 0.5 for 50%', value.targetAccuracy);
  const fixed = fixedSettings(value.fixed, issues);
  const found = { variants: variants(value.variants, fixed, issues), seeds: seeds(value.seeds, issues) };
  if (issues.issues.length > 0 || fixed === undefined) return failure(issues.issues);
  return { ok: true, value: { ...(value as unknown as ExperimentSpec), fixed, ...found } };
}

/** Parses spec text: a syntax error says where, a schema problem names its field. */
export function parseExperiment(text: string): Result<ExperimentSpec, ExperimentSpecError> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.error;
    const where = `line ${line}, column ${column}`;
    return { ok: false, error: { issues: [{ path: '(json)', expected: 'valid JSON', found: `${reason} at ${where}` }], message: `The experiment spec is not valid JSON: ${reason} at ${where}.` } };
  }
  return validateExperiment(parsed.value);
}

function failure(issues: readonly SchemaIssue[]): Result<never, ExperimentSpecError> {
  return { ok: false, error: { issues, message: formatIssues(issues, 'The experiment spec') } };
}
