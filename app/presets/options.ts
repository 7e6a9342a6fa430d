/**
 * The preset options' rules, stated once: the command line's `key=value` pairs and the window's
 * preset dialog both read a value through `parsePresetOption`, so limits and wording match.
 */

import { DESIGN_LIMITS, integerRange } from '../design/limits';
import type { Result } from '../result';
import type { PresetOptions, StageTriple } from './types';

export class PresetOptionError extends Error {
  override name = 'PresetOptionError';
}

type OptionValue = PresetOptions[keyof PresetOptions];
/** Reads one option's text; the error says what the value must be (`a rate in [0, 1)`). */
type Parser = (value: string) => Result<OptionValue>;

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function parseNumber(value: string, wanted: string, ok: (n: number) => boolean): Result<number> {
  const n = toNumber(value);
  return Number.isFinite(n) && ok(n) ? { ok: true, value: n } : { ok: false, error: wanted };
}

function parseTriple(value: string, each: string, ok: (n: number) => boolean): Result<StageTriple> {
  const numbers = value.split(',').map(toNumber);
  if (numbers.length !== 3 || !numbers.every((n) => Number.isFinite(n) && ok(n))) {
    return { ok: false, error: `three comma-separated values (A, B, C blocks), each ${each}` };
  }
  return { ok: true, value: [numbers[0], numbers[1], numbers[2]] };
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const inRange = (min: number, max: number) => (n: number) => Number.isSafeInteger(n) && n >= min && n <= max;

/** The widest multiplier and residual scale an option accepts. */
export const PRESET_OPTION_LIMITS = { width: 8, scale: DESIGN_LIMITS.scale } as const;

const parsers: Readonly<Record<keyof PresetOptions, Parser>> = {
  input: (v) => parseNumber(v, `${integerRange(1, DESIGN_LIMITS.inputSize)} (the square input size)`, inRange(1, DESIGN_LIMITS.inputSize)),
  classes: (v) => parseNumber(v, integerRange(1, DESIGN_LIMITS.classes), inRange(1, DESIGN_LIMITS.classes)),
  bnGamma: (v) => (v === 'true' || v === 'false' ? { ok: true, value: v === 'true' } : { ok: false, error: 'true or false' }),
  dropout: (v) => parseNumber(v, 'a rate in [0, 1), e.g. 0.2 for keep 0.8', (n) => n >= 0 && n < 1),
  width: (v) => parseNumber(v, `a multiplier in (0, ${PRESET_OPTION_LIMITS.width}], e.g. 0.25`, (n) => n > 0 && n <= PRESET_OPTION_LIMITS.width),
  scales: (v) => parseTriple(v, `a number in [0, ${PRESET_OPTION_LIMITS.scale}]`, (n) => n >= 0 && n <= PRESET_OPTION_LIMITS.scale),
  repeats: (v) => parseTriple(v, 'an integer ≥ 0', isCount),
};

export const PRESET_OPTION_KEYS = Object.keys(parsers) as (keyof PresetOptions)[];

function isOptionKey(key: string): key is keyof PresetOptions {
  return Object.hasOwn(parsers, key);
}

/** Reads one option from text (`'0.25'`, `'1,1,1'`, `'true'`); the error says what it must be (`a multiplier in (0, 8]…`). */
export function parsePresetOption<K extends keyof PresetOptions>(key: K, value: string): Result<NonNullable<PresetOptions[K]>> {
  return parsers[key](value) as Result<NonNullable<PresetOptions[K]>>;
}

/** Parses `['width=0.25', 'repeats=1,2,1']`; throws `PresetOptionError` naming the bad pair. */
export function parsePresetParams(pairs: readonly string[]): PresetOptions {
  const options: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new PresetOptionError(`--param ${pair}: expected key=value with a key among ${PRESET_OPTION_KEYS.join(', ')}.`);
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    if (!isOptionKey(key)) throw new PresetOptionError(`--param ${pair}: unknown key '${key}'; keys are ${PRESET_OPTION_KEYS.join(', ')}.`);
    if (Object.hasOwn(options, key)) throw new PresetOptionError(`--param ${pair}: '${key}' is given twice.`);
    const parsed = parsePresetOption(key, value);
    if (!parsed.ok) throw new PresetOptionError(`--param ${key}=${value}: ${key} must be ${parsed.error}.`);
    options[key] = parsed.value;
  }
  return options as PresetOptions;
}
