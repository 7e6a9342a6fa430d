/**
 * Argument parsing every command shares: `node:util` parseArgs with its errors as messages, the
 * numeric and `--backend` flags several commands take, and the `name: problem` failure line.
 * User mistakes come back as messages, never as exceptions.
 */

import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { BACKEND_PREFERENCE, isBackendName, type BackendName } from '../engine/backends/names';
import type { CliIo, ExitCode } from './types';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parseCommandArgs(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): Outcome<{ values: ParsedValues; positionals: string[] }> {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, value: { values: values as ParsedValues, positionals } };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** `--flag N` as an integer ≥ `min`; undefined when the flag was not given. */
export function integerFlag(value: ParsedValues[string], flag: string, min: number): Outcome<number | undefined> {
  if (typeof value !== 'string') return { ok: true, value: undefined };
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? { ok: true, value: n } : { ok: false, message: `--${flag} ${value}: expected an integer ≥ ${min}.` };
}

/** The backend names as help texts list them: `tensorflow-gpu, tensorflow, wasm or cpu`. */
export const BACKEND_CHOICES = `${BACKEND_PREFERENCE.slice(0, -1).join(', ')} or ${BACKEND_PREFERENCE.at(-1)}`;

/** `--backend NAME`; undefined when not given (the first backend that loads). */
export function backendFlag(value: ParsedValues[string]): Outcome<BackendName | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (typeof value === 'string' && isBackendName(value)) return { ok: true, value };
  return { ok: false, message: `--backend ${String(value)}: expected ${BACKEND_CHOICES}.` };
}

/** Prints `name: message` and gives the exit status to return: 2 (unusable input) unless told. */
export function commandFailure(name: string, io: CliIo): (message: string, code?: ExitCode) => ExitCode {
  return (message, code = 2) => {
    io.stderr(`${name}: ${message}\n`);
    return code;
  };
}
