/**
 * The "New experiment" dialog's form as data: text fields that become an experiment spec, and
 * the spec's own validation messages (app/experiments/parseExperiment) placed on the fields they
 * name. Preset options and training settings are written as `key=value` pairs, as on the
 * command line (`width=0.5 scales=0.3,0.3,0.3`, `learningRate=0.01 optimizer=adam`).
 */

import { parseExperiment } from '../../../app/experiments/parseExperiment';
import { EXPERIMENT_TEMPLATES } from '../../../app/experiments/templates';
import { EXPERIMENT_FORMAT, EXPERIMENT_VERSION, type ExperimentSpec } from '../../../app/experiments/types';
import type { Result } from '../../../app/result';

export interface VariantForm {
  name: string;
  /** `preset:NAME` or a design file's path on the host. */
  design: string;
  options: string;
  training: string;
}

export interface ExperimentForm {
  name: string;
  description: string;
  figure: string;
  /** Dataset folder or CSV on the host; empty: the bundled sample. */
  data: string;
  epochs: string;
  budgetMinutes: string;
  seeds: string;
  /** Percent. */
  targetAccuracy: string;
  fixedOptions: string;
  fixedTraining: string;
  variants: readonly VariantForm[];
}

/** A field of the form: a top-level key, or `variants.<index>.<key>`. */
export type FieldKey = Exclude<keyof ExperimentForm, 'variants'> | 'variants' | `variants.${number}.${keyof VariantForm}`;

export interface FormReading {
  /** The spec, when every field reads and the spec passes its checks. */
  spec: ExperimentSpec | null;
  /** Each field's problems, in the spec's own words. */
  problems: Partial<Record<FieldKey, string>>;
  runs: number;
}

const pairsText = (values: object | undefined): string =>
  Object.entries(values ?? {})
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');

export function formOfSpec(spec: ExperimentSpec): ExperimentForm {
  return {
    name: spec.name,
    description: spec.description ?? '',
    figure: spec.figure ?? '',
    data: spec.fixed.data ?? '',
    epochs: String(spec.fixed.epochs),
    budgetMinutes: spec.fixed.budgetMinutes === undefined ? '' : String(spec.fixed.budgetMinutes),
    seeds: spec.seeds.join(', '),
    targetAccuracy: String(Math.round((spec.targetAccuracy ?? 0.5) * 1000) / 10),
    fixedOptions: pairsText(spec.fixed.options),
    fixedTraining: pairsText(spec.fixed.training),
    variants: spec.variants.map((variant) => ({ name: variant.name, design: variant.design, options: pairsText(variant.options), training: pairsText(variant.training) })),
  };
}

export const TEMPLATE_CHOICES = Object.entries(EXPERIMENT_TEMPLATES).map(([id, spec]) => ({ id, spec }));

/** A blank experiment: one variant (the run's design when there is one), three seeds. */
export function blankForm(design = 'preset:inception-v4', name = 'Baseline'): ExperimentForm {
  return {
    ...formOfSpec({ format: EXPERIMENT_FORMAT, version: EXPERIMENT_VERSION, name: 'New experiment', fixed: { epochs: 3 }, variants: [{ name, design }], seeds: [1, 2, 3] }),
    fixedOptions: design.startsWith('preset:') ? 'input=75 width=0.25 repeats=1,1,1' : '',
  };
}

/** `1,2` → [1, 2]; `true` → true; `0.5` → 0.5; anything else stays text (the spec's checks name it). */
function pairValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.includes(',')) return text.split(',').map((part) => (part.trim() === '' || Number.isNaN(Number(part)) ? part.trim() : Number(part)));
  return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
}

function readPairs(text: string): Result<Record<string, unknown> | undefined> {
  const pairs = text.trim().split(/\s+/).filter((pair) => pair !== '');
  if (pairs.length === 0) return { ok: true, value: undefined };
  const values: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) return { ok: false, error: `expected key=value pairs separated by spaces, found '${pair}'` };
    values[pair.slice(0, at)] = pairValue(pair.slice(at + 1));
  }
  return { ok: true, value: values };
}

const numberOr = (text: string): unknown => (text.trim() === '' ? undefined : Number.isNaN(Number(text)) ? text : Number(text));

/** The spec's issue path (`variants[1].options.width`) as the field that shows it. */
function fieldOf(path: string): FieldKey | null {
  const variant = /^variants\[(\d+)\]\.(name|design|options|training)/.exec(path);
  if (variant) return `variants.${Number(variant[1])}.${variant[2] as keyof VariantForm}`;
  if (path.startsWith('variants')) return 'variants';
  if (path.startsWith('seeds')) return 'seeds';
  if (path.startsWith('fixed.options')) return 'fixedOptions';
  if (path.startsWith('fixed.training')) return 'fixedTraining';
  const direct: Record<string, FieldKey> = { name: 'name', description: 'description', figure: 'figure', 'fixed.data': 'data', 'fixed.epochs': 'epochs', 'fixed.budgetMinutes': 'budgetMinutes', targetAccuracy: 'targetAccuracy' };
  return direct[path] ?? null;
}

export function readExperimentForm(form: ExperimentForm): FormReading {
  const problems: Partial<Record<FieldKey, string>> = {};
  const pairs = (text: string, field: FieldKey): Record<string, unknown> | undefined => {
    const read = readPairs(text);
    if (read.ok) return read.value;
    problems[field] = read.error;
    return undefined;
  };
  const seeds = form.seeds.split(/[\s,]+/).filter((seed) => seed !== '').map((seed) => (Number.isNaN(Number(seed)) ? seed : Number(seed)));
  const target = numberOr(form.targetAccuracy);
  const fixedOptions = pairs(form.fixedOptions, 'fixedOptions');
  const fixedTraining = pairs(form.fixedTraining, 'fixedTraining');
  const raw = {
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_VERSION,
    name: form.name,
    ...(form.description.trim() ? { description: form.description } : {}),
    ...(form.figure.trim() ? { figure: form.figure } : {}),
    fixed: {
      ...(form.data.trim() ? { data: form.data.trim() } : {}),
      epochs: numberOr(form.epochs) ?? form.epochs,
      ...(form.budgetMinutes.trim() ? { budgetMinutes: numberOr(form.budgetMinutes) } : {}),
      ...(fixedOptions ? { options: fixedOptions } : {}),
      ...(fixedTraining ? { training: fixedTraining } : {}),
    },
    variants: form.variants.map((variant, index) => {
      const options = pairs(variant.options, `variants.${index}.options`);
      const training = pairs(variant.training, `variants.${index}.training`);
      return { name: variant.name, design: variant.design.trim(), ...(options ? { options } : {}), ...(training ? { training } : {}) };
    }),
    seeds,
    // The form takes a percentage; the spec a fraction.
    ...(target === undefined ? {} : { targetAccuracy: typeof target === 'number' ? target / 100 : target }),
  };
  const runs = form.variants.length * seeds.length;
  if (Object.keys(problems).length > 0) return { spec: null, problems, runs };
  const parsed = parseExperiment(JSON.stringify(raw));
  if (parsed.ok) return { spec: parsed.value, problems, runs };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path) ?? 'name';
    const text = `${issue.path}: expected ${issue.expected}, found ${issue.found}`;
    problems[field] = problems[field] ? `${problems[field]}; ${text}` : text;
  }
  return { spec: null, problems, runs };
}
