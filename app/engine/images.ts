/**
 * Image decoding (JPEG, PNG, WebP, … through sharp) and Inception preprocessing: central crop
 * of 87.5%, bilinear resize to the network input, values scaled to [-1, 1] (TF-slim's
 * `preprocess_for_eval`). Grayscale images are expanded to three channels; a one-channel
 * network gets luminance.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { INCEPTION_PREPROCESSING, type PixelPreparation } from '../training/preprocessing';

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

export function imageName(source: ImageSource): string {
  return 'path' in source ? source.path : source.name;
}

/** Decodes to 8-bit pixels with 1 channel (luminance) or 3 (RGB, alpha dropped, gray expanded). */
export async function decodeImage(source: ImageSource, channels: 1 | 3): Promise<DecodedImage> {
  const name = imageName(source);
  let bytes: Uint8Array;
  try {
    bytes = 'path' in source ? await readFile(source.path) : source.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImageReadError(name, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message);
  }
  try {
    return await decodePixels(sharp(bytes, { failOn: 'error' }), channels);
  } catch (error) {
    throw new ImageReadError(name, `not a decodable image (${path.extname(name) || 'no extension'}): ${(error as Error).message}`);
  }
}

/** EXIF-oriented 8-bit pixels of any sharp input: luminance for 1 channel, sRGB for 3. */
export async function decodePixels(image: Sharp, channels: 1 | 3): Promise<DecodedImage> {
  const oriented = image.autoOrient();
  const coloured = channels === 1 ? oriented.grayscale() : oriented.toColourspace('srgb');
  const { data, info } = await coloured.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded: DecodedImage = { width: info.width, height: info.height, channels: info.channels, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  return decoded.channels === channels ? decoded : expandGray(decoded, channels);
}

function expandGray(image: DecodedImage, channels: number): DecodedImage {
  if (image.channels !== 1) throw new Error(`expected 1 or ${channels} channels, decoded ${image.channels}`);
  const data = new Uint8Array(image.width * image.height * channels);
  for (let i = 0; i < image.width * image.height; i++) data.fill(image.data[i], i * channels, (i + 1) * channels);
  return { ...image, channels, data };
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
  for (let y = 0; y < size.height; y++) {
    const sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), box.height - 1);
    const y0 = Math.floor(sy);
    const y1 = Math.min(y0 + 1, box.height - 1);
    const fy = sy - y0;
    for (let x = 0; x < size.width; x++) {
      const sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), box.width - 1);
      const x0 = Math.floor(sx);
      const x1 = Math.min(x0 + 1, box.width - 1);
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

export function channelsFor(input: NetworkInput): 1 | 3 {
  if (input.channels !== 1 && input.channels !== 3) throw new Error(`Images can feed a network with 1 or 3 input channels; this one has ${input.channels}.`);
  return input.channels;
}

/** Decodes and preprocesses every image into one batch; unreadable images are reported, not fatal. */
export async function loadImageBatch(sources: readonly ImageSource[], input: NetworkInput, preparation: PixelPreparation = INCEPTION_PREPROCESSING): Promise<ImageBatch> {
  const channels = channelsFor(input);
  const perImage = input.height * input.width * channels;
  const decoded = await Promise.all(sources.map((source) => decodeImage(source, channels).catch((error: unknown) => error as Error)));
  const ok = decoded.filter((d): d is DecodedImage => !(d instanceof Error));
  const data = new Float32Array(ok.length * perImage);
  const batch: ImageBatch = { data, images: [], indices: [], failures: [] };
  decoded.forEach((result, index) => {
    const image = imageName(sources[index]);
    if (result instanceof Error) {
      batch.failures.push({ index, image, error: result.message });
      return;
    }
    inceptionPreprocess(result, input, data, batch.images.length * perImage, preparation);
    batch.images.push(image);
    batch.indices.push(index);
  });
  return batch;
}
