/**
 * A small validator kit for IPC and HTTP payloads: each schema checks an unknown value and
 * either returns it typed or names the first problem and where (`request.images[2].path`).
 */

import type { Result } from '../../app/result';
import type { NumberRange } from '../../app/numberRange';

export type Check<T> = (value: unknown, path: string) => Result<T>;
export type Infer<S> = S extends Check<infer T> ? T : never;

const fail = (path: string, expected: string, value: unknown) => ({ ok: false as const, error: `${path}: expected ${expected}, found ${describe(value)}` });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export const string = (options: { maxLength?: number; nonEmpty?: boolean } = {}): Check<string> => (value, path) => {
  if (typeof value !== 'string') return fail(path, 'a string', value);
  if (options.nonEmpty && value.length === 0) return fail(path, 'a non-empty string', value);
  if (options.maxLength !== undefined && value.length > options.maxLength) return fail(path, `at most ${options.maxLength} characters`, value);
  if (value.includes('\0')) return fail(path, 'a string without NUL characters', value);
  return { ok: true, value };
};

export const number = (range: NumberRange = {}): Check<number> => (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'a finite number', value);
  if (range.integer && !Number.isInteger(value)) return fail(path, 'an integer', value);
  const { min, max } = range;
  if (min !== undefined && (range.minExclusive ? value <= min : value < min)) return fail(path, `a number ${range.minExclusive ? '>' : '≥'} ${min}`, value);
  if (max !== undefined && (range.maxExclusive ? value >= max : value > max)) return fail(path, `a number ${range.maxExclusive ? '<' : '≤'} ${max}`, value);
  return { ok: true, value };
};

export const boolean: Check<boolean> = (value, path) => (typeof value === 'boolean' ? { ok: true, value } : fail(path, 'true or false', value));

export const literal = <const T extends string>(...options: T[]): Check<T> => (value, path) =>
  options.includes(value as T) ? { ok: true, value: value as T } : fail(path, options.map((o) => JSON.stringify(o)).join(' or '), value);

export const array = <T>(item: Check<T>, maxItems = 10_000): Check<T[]> => (value, path) => {
  if (!Array.isArray(value)) return fail(path, 'an array', value);
  if (value.length > maxItems) return fail(path, `at most ${maxItems} items`, value);
  const out: T[] = [];
  for (const [index, element] of value.entries()) {
    const result = item(element, `${path}[${index}]`);
    if (!result.ok) return result;
    out.push(result.value);
  }
  return { ok: true, value: out };
};

type Shape = Record<string, Check<unknown>>;
type Optional<T> = Check<T | undefined> & { optional: true };
type ObjectOf<S extends Shape> = { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: Infer<S[K]> } & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: Exclude<Infer<S[K]>, undefined>;
};

export const optional = <T>(inner: Check<T>): Optional<T> =>
  Object.assign<Check<T | undefined>, { optional: true }>((value, path) => (value === undefined ? { ok: true, value: undefined } : inner(value, path)), { optional: true });

/** A plain object with exactly these keys (unknown keys are refused: nothing slips through). */
export const object = <S extends Shape>(shape: S): Check<ObjectOf<S>> => (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object', value);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    const result = check(Object.hasOwn(record, key) ? record[key] : undefined, `${path}.${key}`);
    if (!result.ok) return result;
    if (result.value !== undefined) out[key] = result.value;
  }
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(shape, key)) return { ok: false, error: `${path}.${key}: unexpected field` };
  }
  return { ok: true, value: out as ObjectOf<S> };
};

/** The first alternative that accepts the value; otherwise every alternative's complaint. */
export const union = <T extends unknown[]>(...options: { [K in keyof T]: Check<T[K]> }): Check<T[number]> => (value, path) => {
  const problems: string[] = [];
  for (const option of options) {
    const result = option(value, path);
    if (result.ok) return result;
    problems.push(result.error);
  }
  return { ok: false, error: problems.join('; or ') };
};

/** No argument at all (methods such as `info()`): undefined or null. */
export const nothing: Check<undefined> = (value, path) => (value === undefined || value === null ? { ok: true, value: undefined } : fail(path, 'no argument', value));
