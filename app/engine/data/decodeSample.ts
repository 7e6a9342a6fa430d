/**
 * Decodes one sample to network input. The central crop (validation, evaluation, training
 * without augmentation) is exactly `predict`'s Inception preprocessing, so `evaluate` scores the
 * inputs a prediction sees. Training crops take an 87.5% box at a random position with a random
 * horizontal flip, resized by libvips. Both convert colour the same way (luminance for one
 * channel, sRGB for three) and scale pixels to [-1, 1].
 */

import type { Sharp } from 'sharp';
import { INCEPTION_PREPROCESSING, type PixelPreparation } from '../../training/preprocessing';
import { decodePixels, inceptionPreprocess } from '../images';

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

function randomCropBox(width: number, height: number, plan: CropPlan): { left: number; top: number; width: number; height: number } {
  const w = Math.max(1, Math.round(width * INCEPTION_PREPROCESSING.centralCropFraction));
  const h = Math.max(1, Math.round(height * INCEPTION_PREPROCESSING.centralCropFraction));
  return { left: Math.round(plan.x * (width - w)), top: Math.round(plan.y * (height - h)), width: w, height: h };
}

export async function decodeSample(image: Sharp, geometry: InputGeometry, plan: CropPlan, out: Float32Array, offset: number): Promise<void> {
  if (plan === centralCrop) {
    const pixels = await decodePixels(image, geometry.channels);
    inceptionPreprocess(pixels, { height: geometry.size, width: geometry.size }, out, offset, geometry.preparation);
    return;
  }
  const oriented = image.autoOrient().removeAlpha();
  // Dimensions after EXIF orientation, which sharp applies before the crop.
  const { width, height } = (await oriented.clone().metadata()).autoOrient;
  if (!width || !height) throw new Error('image has no dimensions');
  const cropped = oriented
    .extract(randomCropBox(width, height, plan))
    .resize(geometry.size, geometry.size, { fit: 'fill' })
    .flop(plan.flip);
  const { data, channels } = await decodePixels(cropped, geometry.channels);
  const { scale, offset: valueOffset } = INCEPTION_PREPROCESSING;
  for (let i = 0; i < geometry.size * geometry.size * channels; i++) out[offset + i] = data[i] * scale + valueOffset;
}
