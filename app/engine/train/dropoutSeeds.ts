/**
 * Dropout masks drawn from (run seed, step, layer): tfjs re-seeds a seeded dropout layer on
 * every call, so a fixed seed would drop the same units at every step; a per-step seed keeps
 * masks varied and makes a resumed run draw exactly the masks of an uninterrupted one.
 */

import type * as tf from '@tensorflow/tfjs';
import { mixSeed } from '../../training/seededRandom';

/** Returns how many dropout layers were seeded. */
export function seedDropout(model: tf.LayersModel, runSeed: number, globalStep: number): number {
  let seeded = 0;
  model.layers.forEach((layer, index) => {
    if (layer.getClassName() !== 'Dropout') return;
    (layer as unknown as { seed?: number }).seed = mixSeed(runSeed, globalStep, index, 0xd0);
    seeded++;
  });
  return seeded;
}
