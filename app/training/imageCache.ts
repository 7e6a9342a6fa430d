/**
 * The memory a training run may keep decoded training images in (`ImageCache` in the engine):
 * how much a run may ask for and what it gets by default. A dataset that fits is decoded once;
 * beyond the budget the rest is decoded every epoch, as with no cache.
 */

import { describeRange, describeValue, inRange, type NumberRange } from '../numberRange';

/** Megabytes; 0 turns the cache off. */
export const IMAGE_CACHE_RANGE = { min: 0, max: 65536, integer: true } as const satisfies NumberRange;

/** Enough for ~70,000 images at 75×75 or ~2,500 at 299×299 (three channels, stretched to size / 0.875 a side). */
export const DEFAULT_IMAGE_CACHE_MB = 1024;

/** Why `value` is not an image cache budget in megabytes, or null when it is one. */
export function imageCacheProblem(value: number): string | null {
  return inRange(IMAGE_CACHE_RANGE, value) ? null : `the image cache must be ${describeRange(IMAGE_CACHE_RANGE)} MB, got ${describeValue(value)}`;
}
