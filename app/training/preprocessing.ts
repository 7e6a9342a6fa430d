/**
 * How an image becomes network input — TF-slim's Inception `preprocess_for_eval`. The one
 * statement of these facts: the engine's decoding follows it, a model directory's
 * `metadata.json` records it, exports carry it, docs/model-format.md explains it.
 */

/** Pixel values 0…255 become `pixel * scale + offset`, i.e. `pixel / 127.5 − 1`. */
export const INCEPTION_VALUE_RANGE = [-1, 1] as const;

export const INCEPTION_PREPROCESSING = {
  /** The central box kept: TF's `central_crop` with this fraction of each side. */
  centralCropFraction: 0.875,
  resize: { method: 'bilinear', halfPixelCenters: true, antialias: false },
  valueRange: INCEPTION_VALUE_RANGE,
  scale: 1 / 127.5,
  offset: -1,
  layout: 'NHWC',
} as const;

/** RGB for three channels; one channel gets luminance (libvips: Y of linear sRGB, sRGB-encoded). */
export type InputColour = 'rgb' | 'grayscale';

export interface InputPreparation {
  height: number;
  width: number;
  channels: number;
  colour: InputColour;
  /** Batch × height × width × channels, float32. */
  layout: typeof INCEPTION_PREPROCESSING.layout;
  /** EXIF orientation applied and alpha dropped before anything else. */
  autoOrient: true;
  centralCropFraction: number;
  resize: typeof INCEPTION_PREPROCESSING.resize;
  valueRange: readonly [number, number];
  scale: number;
  offset: number;
}

/** The preparation a network with this `[height, width, channels]` input expects. */
export function inputPreparation(input: readonly number[]): InputPreparation {
  const [height, width, channels] = input;
  const { centralCropFraction, resize, valueRange, scale, offset, layout } = INCEPTION_PREPROCESSING;
  return { height, width, channels, colour: channels === 1 ? 'grayscale' : 'rgb', layout, autoOrient: true, centralCropFraction, resize, valueRange, scale, offset };
}

/** The numbers pixel decoding needs (the rest of a preparation is fixed by the network input). */
export type PixelPreparation = Pick<InputPreparation, 'centralCropFraction' | 'scale' | 'offset'>;

/**
 * Why a recorded preparation cannot be followed for this input, or null when it can. Checked
 * on load, so a hand-edited or imported model directory is refused with the field named.
 */
export function preparationProblem(value: unknown, input: readonly number[]): string | null {
  if (!value || typeof value !== 'object') return 'preprocessing should be an object';
  const record = value as Partial<Record<keyof InputPreparation, unknown>>;
  const expected = inputPreparation(input);
  for (const key of ['height', 'width', 'channels'] as const) {
    if (record[key] !== expected[key]) return `preprocessing.${key} is ${String(record[key])}, the network input has ${expected[key]}`;
  }
  if (record.colour !== expected.colour) return `preprocessing.colour should be '${expected.colour}' for ${expected.channels} channel${expected.channels === 1 ? '' : 's'}`;
  const fraction = record.centralCropFraction;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) return 'preprocessing.centralCropFraction should be a number in (0, 1]';
  for (const key of ['scale', 'offset'] as const) if (!Number.isFinite(record[key])) return `preprocessing.${key} should be a finite number`;
  const resize = record.resize as { method?: unknown } | undefined;
  if (resize?.method !== INCEPTION_PREPROCESSING.resize.method) return `preprocessing.resize.method '${String(resize?.method)}' is not supported (only '${INCEPTION_PREPROCESSING.resize.method}')`;
  if (record.layout !== INCEPTION_PREPROCESSING.layout) return `preprocessing.layout should be '${INCEPTION_PREPROCESSING.layout}'`;
  return null;
}
