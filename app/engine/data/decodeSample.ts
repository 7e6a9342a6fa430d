/**
 * Decodes one sample to network input with Inception preprocessing through sharp: an 87.5%
 * crop box (central for validation — the same box as `predict`'s TF-slim `central_crop` — and
 * at a random position with a random horizontal flip for training), resized to the input size,
 * pixels scaled to [-1, 1]. Grayscale is repeated to 3 channels; colour is averaged to 1.
 */

import type { Sharp } from 'sharp';
import { centralCropBox, INCEPTION_CENTRAL_FRACTION } from '../images';

export interface InputGeometry {
  size: number;
  channels: 1 | 3;
}

/** Where the crop box sits (0 = left/top, 1 = right/bottom) and whether to mirror it. */
export interface CropPlan {
  x: number;
  y: number;
  flip: boolean;
}

export const centralCrop: CropPlan = { x: 0.5, y: 0.5, flip: false };

function cropBox(width: number, height: number, plan: CropPlan): { left: number; top: number; width: number; height: number } {
  if (plan === centralCrop) return centralCropBox(height, width, INCEPTION_CENTRAL_FRACTION);
  const w = Math.max(1, Math.round(width * INCEPTION_CENTRAL_FRACTION));
  const h = Math.max(1, Math.round(height * INCEPTION_CENTRAL_FRACTION));
  return { left: Math.round(plan.x * (width - w)), top: Math.round(plan.y * (height - h)), width: w, height: h };
}

export async function decodeSample(image: Sharp, geometry: InputGeometry, plan: CropPlan, out: Float32Array, offset: number): Promise<void> {
  const oriented = image.autoOrient().removeAlpha();
  // Dimensions after EXIF orientation, which sharp applies before the crop.
  const { width, height } = (await oriented.clone().metadata()).autoOrient;
  if (!width || !height) throw new Error('image has no dimensions');
  const { data, info } = await oriented
    .extract(cropBox(width, height, plan))
    .resize(geometry.size, geometry.size, { fit: 'fill' })
    .flop(plan.flip)
    .raw()
    .toBuffer({ resolveWithObject: true });
  writeChannels(data, info.channels, geometry.channels, out, offset);
}

/** Copies interleaved bytes into `out` as [-1, 1] floats with the network's channel count. */
function writeChannels(data: Uint8Array, from: number, to: 1 | 3, out: Float32Array, offset: number): void {
  const pixels = data.length / from;
  for (let p = 0; p < pixels; p++) {
    const source = p * from;
    if (to === 1) {
      const gray = from >= 3 ? (data[source] + data[source + 1] + data[source + 2]) / 3 : data[source];
      out[offset + p] = gray / 127.5 - 1;
    } else {
      for (let c = 0; c < 3; c++) out[offset + p * 3 + c] = data[source + (from >= 3 ? c : 0)] / 127.5 - 1;
    }
  }
}
