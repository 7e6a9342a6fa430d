/** `key=value` preset options from the command line: each bad pair is named in the error. */

import { DESIGN_LIMITS, integerRange } from '../design/limits';
import type { PresetOptions, StageTriple } from './types';

export class PresetOptionError extends Error {
  override name = 'PresetOptionError';
  /** What the value must be ('a multiplier in (0, 8], e.g. 0.25'), when one value was wrong: other formats (an experiment spec) word their own message. */
  readonly wanted?: string;

  constructor(message: string, wanted?: string) {
    super(message);
    if (wanted !== undefined) this.wanted = wanted;
  }
}

type Parser = (value: string, key: string) => PresetOptions[keyof PresetOptions];

function bad(key: string, value: string, wanted: string): never {
  throw new PresetOptionError(`--param ${key}=${value}: ${key} must be ${wanted}.`, wanted);
}

function parseNumber(value: string, key: string, wanted: string, ok: (n: number) => boolean): number {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) && ok(n) ? n : bad(key, value, wanted);
}

function parseTriple(value: string, key: string, each: string, ok: (n: number) => boolean): StageTriple {
  const numbers = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (numbers.length !== 3 || !numbers.every((n) => Number.isFinite(n) && ok(n))) {
    bad(key, value, `three comma-separated values (A, B, C blocks), each ${each}`);
  }
  return [numbers[0], numbers[1], numbers[2]];
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

const parsers: Readonly<Record<keyof PresetOptions, Parser>> = {
  input: (v, k) => parseNumber(v, k, `${integerRange(1, DESIGN_LIMITS.inputSize)} (the square input size)`, (n) => Number.isSafeInteger(n) && n >= 1 && n <= DESIGN_LIMITS.inputSize),
  classes: (v, k) => parseNumber(v, k, integerRange(1, DESIGN_LIMITS.classes), (n) => Number.isSafeInteger(n) && n >= 1 && n <= DESIGN_LIMITS.classes),
  bnGamma: (v, k) => (v === 'true' ? true : v === 'false' ? false : bad(k, v, 'true or false')),
  dropout: (v, k) => parseNumber(v, k, 'a rate in [0, 1), e.g. 0.2 for keep 0.8', (n) => n >= 0 && n < 1),
  width: (v, k) => parseNumber(v, k, 'a multiplier in (0, 8], e.g. 0.25', (n) => n > 0 && n <= 8),
  scales: (v, k) => parseTriple(v, k, 'a number in [0, 10]', (n) => n >= 0 && n <= 10),
  repeats: (v, k) => parseTriple(v, k, 'an integer ≥ 0', isCount),
};

export const PRESET_OPTION_KEYS = Object.keys(parsers) as (keyof PresetOptions)[];

function isOptionKey(key: string): key is keyof PresetOptions {
  return Object.hasOwn(parsers, key);
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
    options[key] = parsers[key](value, key);
  }
  return options as PresetOptions;
}
