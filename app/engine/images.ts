/**
 * Image decoding (JPEG, PNG, WebP, … through sharp) and Inception preprocessing: central crop
 * of 87.5%, bilinear resize to the network input, values scaled to [-1, 1] (TF-slim's
 * `preprocess_for_eval`). Grayscale images are expanded to three channels; a one-channel
 * network gets luminance.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { errorMessage } from '../result';
import { INCEPTION_PREPROCESSING, type PixelPreparation } from '../training/preprocessing';
import { isImageFormat, unsupportedFormatProblem } from './data/imageFiles';

/** 8-bit pixels, row-major HWC. */
export interface DecodedImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

export interface NetworkInput {
  height: number;
  width: number;
  channels: number;
}

/** A file on disk, or encoded bytes with a name to show (an image dropped into the window). */
export type ImageSource = { path: string } | { name: string; bytes: Uint8Array };

export class ImageReadError extends Error {
  constructor(
    readonly image: string,
    reason: string,
  ) {
    super(`Cannot read image '${image}': ${reason}`);
    this.name = 'ImageReadError';
  }
}

function imageName(source: ImageSource): string {
  return 'path' in source ? source.path : source.name;
}

/** Images decoded at once by `loadImageBatch`: each can be large before it is shrunk. */
export const DECODE_CONCURRENCY = 3;

/**
 * Images up to this many pixels (4096 × 4096, 48 MB of RGB) are decoded at full size, so the
 * preparation is exactly the one docs/model-format.md states; larger ones are shrunk as they
 * decode (`decodeSizeFor`), so a 16000 × 16000 PNG never takes gigabytes.
 */
export const FULL_DECODE_PIXELS = 4096 * 4096;

/** The size a larger image is shrunk to for a central crop to `input`: twice what the crop needs. */
export function decodeSizeFor(input: { height: number; width: number }, preparation: PixelPreparation = INCEPTION_PREPROCESSING): { height: number; width: number } {
  return { height: Math.ceil((2 * input.height) / preparation.centralCropFraction), width: Math.ceil((2 * input.width) / preparation.centralCropFraction) };
}

/**
 * Decodes to 8-bit pixels with 1 channel (luminance) or 3 (RGB, alpha dropped, gray expanded).
 * With `atLeast`, an image of more than FULL_DECODE_PIXELS is shrunk inside sharp while it
 * decodes (never held at full size) to the smallest size that still covers `atLeast`.
 */
export async function decodeImage(source: ImageSource, channels: 1 | 3, atLeast?: { height: number; width: number }): Promise<DecodedImage> {
  const name = imageName(source);
  let bytes: Uint8Array;
  try {
    bytes = 'path' in source ? await readFile(source.path) : source.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImageReadError(name, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : errorMessage(error));
  }
  // Only the formats a dataset scan reads: no SVG (which can name other files), GIF, TIFF, ….
  const format = await sharp(bytes).metadata().then(
    (header) => header.format,
    () => undefined,
  );
  if (format !== undefined && !isImageFormat(format)) throw new ImageReadError(name, unsupportedFormatProblem(format));
  try {
    // Stryker disable next-line BooleanLiteral: sequentialRead only changes how libvips reads the input, never the pixels
    return await decodePixels(sharp(bytes, { failOn: 'error', sequentialRead: true }), channels, atLeast);
  } catch (error) {
    throw new ImageReadError(name, `not a decodable image (${path.extname(name) || 'no extension'}): ${errorMessage(error)}`);
  }
}

/**
 * EXIF-oriented 8-bit pixels of any sharp input: luminance for 1 channel, sRGB for 3. With
 * `atLeast`, an image of more than FULL_DECODE_PIXELS is shrunk to cover it as it decodes.
 */
export async function decodePixels(image: Sharp, channels: 1 | 3, atLeast?: { height: number; width: number }): Promise<DecodedImage> {
  const oriented = image.autoOrient();
  const header = atLeast ? await oriented.clone().metadata() : null;
  const large = header !== null && (header.width ?? 0) * (header.height ?? 0) > FULL_DECODE_PIXELS;
  const sized = large && atLeast ? oriented.resize({ ...atLeast, fit: 'outside', withoutEnlargement: true }) : oriented;
  const coloured = channels === 1 ? sized.grayscale() : sized.toColourspace('srgb');
  // sharp's sRGB and grayscale outputs have 3 and 1 channels whatever the input holds (gray,
  // gray with alpha, 16-bit, CMYK: tested), so no expansion is needed here.
  const { data, info } = await coloured.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** TF's central_crop box: the start is truncated, the size is what remains symmetric. */
export function centralCropBox(height: number, width: number, fraction: number): { top: number; left: number; height: number; width: number } {
  const top = Math.floor((height - height * fraction) / 2);
  const left = Math.floor((width - width * fraction) / 2);
  return { top, left, height: height - 2 * top, width: width - 2 * left };
}

/**
 * Central crop, bilinear resize (half-pixel centres, no antialiasing) and scaling (Inception:
 * to [-1, 1]), into `out` at `offset` (so a batch fills one buffer) or a new array.
 */
export function inceptionPreprocess(image: DecodedImage, size: { height: number; width: number }, out?: Float32Array, offset = 0, preparation: PixelPreparation = INCEPTION_PREPROCESSING): Float32Array {
  const box = centralCropBox(image.height, image.width, preparation.centralCropFraction);
  const { scale, offset: valueOffset } = preparation;
  const c = image.channels;
  const target = out ?? new Float32Array(size.height * size.width * c);
  const scaleY = box.height / size.height;
  const scaleX = box.width / size.width;
  const lastRow = box.height - 1;
  const lastColumn = box.width - 1;
  for (let y = 0; y < size.height; y++) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), lastRow);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, lastRow);
    const fy = sy - y0;
    for (let x = 0; x < size.width; x++) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), lastColumn);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, lastColumn);
      const fx = sx - x0;
      const p00 = ((box.top + y0) * image.width + box.left + x0) * c;
      const p01 = ((box.top + y0) * image.width + box.left + x1) * c;
      const p10 = ((box.top + y1) * image.width + box.left + x0) * c;
      const p11 = ((box.top + y1) * image.width + box.left + x1) * c;
      const o = offset + (y * size.width + x) * c;
      for (let ch = 0; ch < c; ch++) {
        const top = image.data[p00 + ch] * (1 - fx) + image.data[p01 + ch] * fx;
        const bottom = image.data[p10 + ch] * (1 - fx) + image.data[p11 + ch] * fx;
        target[o + ch] = (top * (1 - fy) + bottom * fy) * scale + valueOffset;
      }
    }
  }
  return target;
}

export interface ImageBatch {
  /** `count × height × width × channels` values in [-1, 1]. */
  data: Float32Array;
  /** Names of the images in the batch, in batch order. */
  images: string[];
  /** Position in the request of each batch row. */
  indices: number[];
  /** Images that could not be read, with the reason; they are left out of the batch. */
  failures: { index: number; image: string; error: string }[];
}

function channelsFor(input: NetworkInput): 1 | 3 {
  if (input.channels !== 1 && input.channels !== 3) throw new Error(`Images can feed a network with 1 or 3 input channels; this one has ${input.channels}.`);
  return input.channels;
}

/**
 * Decodes and preprocesses every image into one batch; unreadable images are reported, not
 * fatal. At most DECODE_CONCURRENCY images are decoded at once, each shrunk as it decodes and
 * kept only as its preprocessed floats, so many large images cost no more than a few.
 */
export async function loadImageBatch(sources: readonly ImageSource[], input: NetworkInput, preparation: PixelPreparation = INCEPTION_PREPROCESSING): Promise<ImageBatch> {
  const channels = channelsFor(input);
  const perImage = input.height * input.width * channels;
  // Stryker disable next-line ArrayDeclaration: the length only presizes; every index is written below
  const results: (Float32Array | Error)[] = new Array(sources.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const index = next++;
      results[index] = await decodeImage(sources[index], channels, decodeSizeFor(input, preparation)).then(
        (decoded) => inceptionPreprocess(decoded, input, undefined, 0, preparation),
        (error: unknown) => error as Error,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECODE_CONCURRENCY, sources.length) }, worker));
  const ok = results.filter((r) => !(r instanceof Error)).length;
  const batch: ImageBatch = { data: new Float32Array(ok * perImage), images: [], indices: [], failures: [] };
  results.forEach((result, index) => {
    const image = imageName(sources[index]);
    if (result instanceof Error) {
      batch.failures.push({ index, image, error: result.message });
      return;
    }
    batch.data.set(result, batch.images.length * perImage);
    batch.images.push(image);
    batch.indices.push(index);
  });
  return batch;
}
