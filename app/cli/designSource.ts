/**
 * Where a command's design comes from: a design file or `preset:NAME`, plus the shared
 * options `--input N`, `--classes N` and `--param key=value` (presets only). Commands parse
 * their arguments with `parseCommandArgs` (./commandArgs) and load with `loadDesignSource`;
 * user mistakes come back as messages, never as exceptions.
 */

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { errorMessage } from '../result';
import { parseDesign } from '../design/document';
import { DESIGN_LIMITS } from '../design/limits';
import type { DesignDocument } from '../design/types';
import { buildPreset, isPresetName, parsePresetParams, PRESET_PREFIX, presets, PresetOptionError } from '../presets/index';
import type { PresetOptions } from '../presets/index';
import type { Result } from '../result';
import { integerFlag, parseCommandArgs, type ParsedValues } from './commandArgs';
import { withClasses, withInputSize } from '../design/designSettings';
import type { CliIo } from './types';

export interface DesignSourceOptions {
  /** Directory that relative file paths are resolved against. */
  cwd: string;
  /** Square input size, overriding the design's. */
  input?: number;
  /** Classifier units, overriding the design's. */
  classes?: number;
  /** Preset options as `key=value` (see `parsePresetParams`). */
  params?: readonly string[];
}

export interface LoadedDesign {
  document: DesignDocument;
  origin: 'file' | 'preset';
  /** The absolute file path, or the preset name. */
  source: string;
  /** Set when the file was written in an older format and upgraded on load. */
  migratedFrom?: number;
}

export { PRESET_PREFIX };

/** The options every design-reading command accepts; spread into a command's own options. */
export const designArgOptions = {
  input: { type: 'string' },
  classes: { type: 'string' },
  param: { type: 'string', multiple: true },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Reads `--input`, `--classes`, `--param` from parsed values into load options. */
export function designSourceOptions(values: ParsedValues, cwd: string): Result<DesignSourceOptions> {
  const options: DesignSourceOptions = { cwd };
  for (const flag of ['input', 'classes'] as const) {
    const n = integerFlag(values[flag], flag, 1, flag === 'input' ? DESIGN_LIMITS.inputSize : DESIGN_LIMITS.classes);
    if (!n.ok) return n;
    if (n.value !== undefined) options[flag] = n.value;
  }
  const params = values.param;
  if (Array.isArray(params)) options.params = params.map(String);
  return { ok: true, value: options };
}

function loadPreset(name: string, options: DesignSourceOptions): Result<LoadedDesign> {
  if (!isPresetName(name)) {
    return { ok: false, error: `Unknown preset '${name}'. Presets: ${presets.map((p) => p.name).join(', ')}.` };
  }
  try {
    const parsed: PresetOptions = parsePresetParams(options.params ?? []);
    for (const flag of ['input', 'classes'] as const) {
      if (options[flag] === undefined) continue;
      if (parsed[flag] !== undefined) return { ok: false, error: `--${flag} and --param ${flag}=… both given; use one.` };
      parsed[flag] = options[flag];
    }
    return { ok: true, value: { document: buildPreset(name, parsed), origin: 'preset', source: name } };
  } catch (error) {
    if (error instanceof PresetOptionError) return { ok: false, error: error.message };
    throw error;
  }
}

async function loadFile(arg: string, options: DesignSourceOptions): Promise<Result<LoadedDesign>> {
  const path = resolve(options.cwd, arg);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' && isPresetName(arg) ? ` To use the preset, write ${PRESET_PREFIX}${arg}.` : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : errorMessage(error);
    return { ok: false, error: `Cannot read design file '${arg}': ${why}.${hint}` };
  }
  const parsed = parseDesign(text);
  if (!parsed.ok) return { ok: false, error: `${arg}: ${parsed.error.message}` };
  if (options.params !== undefined && options.params.length > 0) {
    return { ok: false, error: `--param applies to presets (${PRESET_PREFIX}NAME) only; edit the design file instead.` };
  }
  let document = options.input === undefined ? parsed.value.document : withInputSize(parsed.value.document, options.input);
  if (options.classes !== undefined) {
    const changed = withClasses(document, options.classes);
    if (!changed) return { ok: false, error: `--classes: ${arg} has no dense (fully connected) layer to set.` };
    document = changed;
  }
  const loaded: LoadedDesign = { document, origin: 'file', source: path };
  return { ok: true, value: parsed.value.migratedFrom === undefined ? loaded : { ...loaded, migratedFrom: parsed.value.migratedFrom } };
}

/** Loads `arg` (a design file path or `preset:NAME`) with the overrides in `options`. */
export async function loadDesignSource(arg: string, options: DesignSourceOptions): Promise<Result<LoadedDesign>> {
  if (arg.startsWith(PRESET_PREFIX)) return loadPreset(arg.slice(PRESET_PREFIX.length), options);
  return loadFile(arg, options);
}

/**
 * The usual start of a design command: parse `args` with the design options plus `extra`,
 * take the first positional as the source and load it. `positionals` are the rest.
 */
export async function loadDesignFromArgs(
  args: readonly string[],
  cwd: string,
  extra: NonNullable<ParseArgsConfig['options']> = {},
): Promise<Result<{ design: LoadedDesign; values: ParsedValues; positionals: string[] }>> {
  const parsed = parseCommandArgs(args, { ...designArgOptions, ...extra });
  if (!parsed.ok) return parsed;
  const [source, ...positionals] = parsed.value.positionals;
  if (source === undefined) return { ok: false, error: `Missing the design: a design file or ${PRESET_PREFIX}NAME.` };
  const options = designSourceOptions(parsed.value.values, cwd);
  if (!options.ok) return options;
  const design = await loadDesignSource(source, options.value);
  if (!design.ok) return design;
  return { ok: true, value: { design: design.value, values: parsed.value.values, positionals } };
}

/**
 * For commands that take exactly one design: loads it, or prints `name: problem` and gives
 * the exit status 2 to return.
 */
export async function loadOnlyDesign(
  name: string,
  args: readonly string[],
  io: CliIo,
  extra: NonNullable<ParseArgsConfig['options']> = {},
): Promise<{ design: LoadedDesign; values: ParsedValues } | 2> {
  const loaded = await loadDesignFromArgs(args, io.cwd, extra);
  if (!loaded.ok) {
    io.stderr(`${name}: ${loaded.error}\n`);
    return 2;
  }
  const [stray] = loaded.value.positionals;
  if (stray !== undefined) {
    io.stderr(`${name}: unexpected argument '${stray}'.\n`);
    return 2;
  }
  return { design: loaded.value.design, values: loaded.value.values };
}
