/**
 * Argument parsing every command shares: `node:util` parseArgs with its errors as messages, the
 * numeric and `--backend` flags several commands take, and the `name: problem` failure line.
 * User mistakes come back as messages, never as exceptions.
 */

import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { BACKEND_NAMES, isBackendName, type BackendName } from '../compute/backends';
import { integerRange } from '../design/limits';
import { errorMessage, type Result } from '../result';
import type { CliIo, ExitCode } from './types';

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseCommandArgs(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): Result<{ values: ParsedValues; positionals: string[] }> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, value: { values: values as ParsedValues, positionals } };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** `--flag N` as an integer ≥ `min` (and ≤ `max` when given); undefined when the flag was not given. */
export function integerFlag(value: ParsedValues[string], flag: string, min: number, max?: number): Result<number | undefined> {
  if (typeof value !== 'string') return { ok: true, value: undefined };
  const n = Number(value);
  if (Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max)) return { ok: true, value: n };
  return { ok: false, error: `--${flag} ${value}: expected ${max === undefined ? `an integer ≥ ${min}` : integerRange(min, max)}.` };
}

/** `--backend NAME`; undefined when not given (the first backend that loads). */
export function backendFlag(value: ParsedValues[string]): Result<BackendName | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value === 'string' && isBackendName(value)) return { ok: true, value };
  return { ok: false, error: `--backend ${String(value)}: expected ${BACKEND_CHOICES}.` };
}

/** 'a, b or c': the names a flag accepts, for messages and usage text. */
export function choices(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The backend names as help texts list them: `tensorflow-gpu, tensorflow, wasm or cpu`. */
export const BACKEND_CHOICES = choices(BACKEND_NAMES);

/** Prints `name: message` and gives the exit status to return: 2 (unusable input) unless told. */
export function commandFailure(name: string, io: CliIo): (message: string, code?: ExitCode) => ExitCode {
  return (message, code = 2) => {
    io.stderr(`${name}: ${message}\n`);
    return code;
  };
}
