/**
 * The preset dialog's fields as text, read through the same option rules the command line uses
 * (`parsePresetOption`), so the limits and messages are the CLI's.
 */

import { parsePresetOption, presetSettings, SMALL_CPU_OPTIONS, type PresetOptions, type PresetSettings } from '../../../app/presets/index';

/** The options the dialog offers; `scales` only for presets with residual blocks. */
export const FORM_KEYS = ['input', 'classes', 'width', 'repeats', 'bnGamma', 'dropout', 'scales'] as const satisfies readonly (keyof PresetOptions)[];
export type FormKey = (typeof FORM_KEYS)[number];
export type PresetForm = Readonly<Partial<Record<FormKey, string>>>;

export const FORM_LABELS: Readonly<Record<FormKey, string>> = {
  input: 'Input size (square, pixels)',
  classes: 'Classes',
  width: 'Width multiplier',
  repeats: 'Blocks per stage (A, B, C)',
  bnGamma: 'Batch norm with a learned scale',
  dropout: 'Dropout rate',
  scales: 'Residual scales (A, B, C)',
};

/** The starting points offered: the paper's network, or one small enough to train on a CPU. */
export const FORM_CHOICES = [
  { id: 'paper', label: 'As in the paper', options: {} },
  { id: 'small', label: 'Small network that trains on a CPU (75×75, width 0.25, repeats 1,1,1)', options: SMALL_CPU_OPTIONS },
] as const satisfies readonly { id: string; label: string; options: PresetOptions }[];

const text = (value: PresetSettings[keyof PresetSettings]): string => (Array.isArray(value) ? value.join(', ') : String(value));

/** The fields filled from a preset's settings under `options`. */
export function presetForm(name: string, options: PresetOptions = {}): PresetForm {
  const settings = presetSettings(name, options);
  const form: Partial<Record<FormKey, string>> = {};
  for (const key of FORM_KEYS) {
    const value = settings[key];
    if (value !== undefined) form[key] = text(value);
  }
  return form;
}

export interface ReadForm {
  options: PresetOptions;
  /** A message per field that does not hold a valid value. */
  errors: Readonly<Partial<Record<FormKey, string>>>;
}

export function readPresetForm(form: PresetForm): ReadForm {
  const options: Record<string, unknown> = {};
  const errors: Partial<Record<FormKey, string>> = {};
  for (const key of FORM_KEYS) {
    const value = form[key];
    if (value === undefined) continue;
    const parsed = parsePresetOption(key, value.trim());
    if (parsed.ok) options[key] = parsed.value;
    else errors[key] = `${FORM_LABELS[key]} must be ${parsed.error}.`;
  }
  return { options: options as PresetOptions, errors };
}
