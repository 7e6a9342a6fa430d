/** The presets: the paper architectures built from the same blocks a user drags onto the canvas. */

import type { DesignDocument } from '../design/types';
import { inceptionResnetV1 } from './inceptionResnetV1';
import { inceptionResnetV2 } from './inceptionResnetV2';
import { inceptionResnetV2AsPrinted } from './inceptionResnetV2AsPrinted';
import { inceptionResnetV2Tfslim } from './inceptionResnetV2Tfslim';
import { inceptionV4 } from './inceptionV4';
import { PresetOptionError } from './options';
import type { PresetDefinition, PresetInfo, PresetOptions, PresetSettings } from './types';

export { parsePresetOption, parsePresetParams, PresetOptionError, PRESET_OPTION_KEYS, PRESET_OPTION_LIMITS } from './options';
export type { PresetInfo, PresetOptions, PresetSettings, StageTriple } from './types';

const definitions: readonly PresetDefinition[] = [
  inceptionV4,
  inceptionResnetV1,
  inceptionResnetV2,
  inceptionResnetV2AsPrinted,
  inceptionResnetV2Tfslim,
];

export const presets: readonly PresetInfo[] = definitions.map(({ name, title, note, reference }) => ({ name, title, note, reference }));

/** How a preset is named where a design file could be too: `preset:inception-v4`. */
export const PRESET_PREFIX = 'preset:';

const DEFAULT_INPUT_SIZE = 299;
const DEFAULT_CLASSES = 1000;

/** The small network that trains on a CPU in minutes: 75×75 input, a quarter of the width, one block per stage. */
export const SMALL_CPU_OPTIONS: Readonly<PresetOptions> = { input: 75, width: 0.25, repeats: [1, 1, 1] };

export function isPresetName(name: string): boolean {
  return definitions.some((definition) => definition.name === name);
}

function definitionOf(name: string): PresetDefinition {
  const definition = definitions.find((candidate) => candidate.name === name);
  if (!definition) {
    throw new PresetOptionError(`Unknown preset '${name}'. Presets: ${definitions.map((d) => d.name).join(', ')}.`);
  }
  return definition;
}

function settingsFor(definition: PresetDefinition, options: PresetOptions): PresetSettings {
  if (options.scales !== undefined && definition.defaults.scales === undefined) {
    throw new PresetOptionError(`${definition.name} has no residual blocks: the scales option does not apply.`);
  }
  const { defaults } = definition;
  const scales = options.scales ?? defaults.scales;
  return {
    input: options.input ?? DEFAULT_INPUT_SIZE,
    classes: options.classes ?? DEFAULT_CLASSES,
    width: options.width ?? 1,
    bnGamma: options.bnGamma ?? defaults.bnGamma,
    dropout: options.dropout ?? defaults.dropout,
    repeats: options.repeats ?? defaults.repeats,
    ...(scales === undefined ? {} : { scales }),
  };
}

/** Builds a preset as a design document; throws `PresetOptionError` for an unknown name or option. */
export function buildPreset(name: string, options: PresetOptions = {}): DesignDocument {
  const definition = definitionOf(name);
  return definition.build(settingsFor(definition, options));
}

/** Every option of a preset decided, defaults under `options`: what the preset dialog starts from. */
export function presetSettings(name: string, options: PresetOptions = {}): PresetSettings {
  return settingsFor(definitionOf(name), options);
}
