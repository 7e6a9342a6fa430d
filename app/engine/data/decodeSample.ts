/**
 * Decodes one sample to network input. The central crop (validation, evaluation, training
 * without augmentation) is exactly `predict`'s Inception preprocessing, so `evaluate` scores the
 * inputs a prediction sees. Training crops take an 87.5% box at a random position with a random
 * horizontal flip from the image stretched by libvips to a square of size / 0.875 (which
 * `ImageCache` can keep, so later epochs only crop). Both convert colour the same way (luminance for one
 * channel, sRGB for three) and scale pixels to [-1, 1].
 */

import type { Sharp } from 'sharp';
import { INCEPTION_PREPROCESSING, type PixelPreparation } from '../../training/preprocessing';
import { decodePixels, decodeSizeFor, inceptionPreprocess } from '../images';
import type { SourceImage } from './imageCache';

export interface InputGeometry {
  size: number;
  channels: 1 | 3;
  /** A saved model's recorded preparation for central crops; default Inception's. */
  preparation?: PixelPreparation;
}

/** Where the crop box sits (0 = left/top, 1 = right/bottom) and whether to mirror it. */
export interface CropPlan {
  x: number;
  y: number;
  flip: boolean;
}

export const centralCrop: CropPlan = { x: 0.5, y: 0.5, flip: false };

/** The side of the square a training image is stretched to: a crop keeps `centralCropFraction` of it, `size` pixels a side. */
export function trainingSourceSize(size: number): number {
  return Math.max(size, Math.round(size / INCEPTION_PREPROCESSING.centralCropFraction));
}

/** The whole image, EXIF-oriented and stretched to the training source square: what a training crop is cut from (and what `ImageCache` keeps). */
export async function decodeTrainingSource(image: Sharp, geometry: InputGeometry): Promise<SourceImage> {
  const side = trainingSourceSize(geometry.size);
  const { data, channels } = await decodePixels(image.autoOrient().removeAlpha().resize(side, side, { fit: 'fill' }), geometry.channels);
  return { pixels: data, size: side, channels };
}

/** The training crop `plan` of `source` (mirrored when it says so), scaled to [-1, 1] into `out` at `offset`. */
export function cropTrainingSource(source: SourceImage, size: number, plan: CropPlan, out: Float32Array, offset: number): void {
  const { channels } = source;
  const span = source.size - size;
  const left = Math.round(plan.x * span);
  const top = Math.round(plan.y * span);
  const { scale, offset: valueOffset } = INCEPTION_PREPROCESSING;
  for (let y = 0; y < size; y++) {
    const row = (top + y) * source.size + left;
    for (let x = 0; x < size; x++) {
      const from = (row + (plan.flip ? size - 1 - x : x)) * channels;
      const to = offset + (y * size + x) * channels;
      for (let k = 0; k < channels; k++) out[to + k] = source.pixels[from + k] * scale + valueOffset;
    }
  }
}

export async function decodeSample(image: Sharp, geometry: InputGeometry, plan: CropPlan, out: Float32Array, offset: number): Promise<void> {
  if (plan === centralCrop) {
    const size = { height: geometry.size, width: geometry.size };
    // Shrunk as it decodes exactly as `predict` shrinks it, so both see the same input.
    const pixels = await decodePixels(image, geometry.channels, decodeSizeFor(size, geometry.preparation));
    inceptionPreprocess(pixels, size, out, offset, geometry.preparation);
    return;
  }
  cropTrainingSource(await decodeTrainingSource(image, geometry), geometry.size, plan, out, offset);
}
