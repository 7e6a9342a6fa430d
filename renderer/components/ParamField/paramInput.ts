/**
 * Text typed into a parameter field → a parameter value, or the reason it is not one yet.
 * Runs on every keystroke, so the inspector validates as the user types.
 */

import type { Result } from '../../../app/result';
import type { ParamSpec } from '../../../app/design/paramSpec';
import type { ParamValue } from '../../../app/design/types';

export type ParsedInput = Result<ParamValue>;

function range(min: number, max: number): string {
  return `between ${min} and ${max}`;
}

function parseNumber(text: string, integer: boolean, min: number, max: number, label: string): ParsedInput {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  const kind = integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    return { ok: false, error: `${label} must be ${kind} ${range(min, max)}.` };
  }
  if (value < min || value > max) {
    return { ok: false, error: `${label} must be ${range(min, max)}; ${trimmed} is out of range.` };
  }
  return { ok: true, value };
}

export function parseParamInput(spec: ParamSpec, text: string): ParsedInput {
  switch (spec.kind) {
    case 'int':
      return parseNumber(text, true, spec.min, spec.max, spec.label);
    case 'number':
      return parseNumber(text, false, spec.min, spec.max, spec.label);
    case 'bool':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, error: `${spec.label} is on or off.` };
    case 'enum':
      return spec.options.includes(text)
        ? { ok: true, value: text }
        : { ok: false, error: `${spec.label} must be one of ${spec.options.join(', ')}.` };
    case 'pair': {
      const parts = text.trim().split(/\s*[x×*,]\s*|\s+/).filter(Boolean);
      const numbers = parts.map(Number);
      const pair = numbers.length === 1 ? [numbers[0], numbers[0]] : numbers;
      const valid = pair.length === 2 && pair.every((n) => Number.isSafeInteger(n) && n >= spec.min && n <= spec.max);
      return valid
        ? { ok: true, value: pair }
        : { ok: false, error: `${spec.label} is height×width, two whole numbers ${range(spec.min, spec.max)} (e.g. 1×7).` };
    }
  }
}

/** How a stored value appears in its field. */
export function formatParamValue(value: ParamValue): string {
  return Array.isArray(value) ? value.join('×') : String(value);
}
