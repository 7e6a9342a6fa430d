/**
 * Batch-norm statistics that are usable from the first epoch. The compiled layers average their
 * moving mean and variance with TF-slim's decay 0.9997, which needs thousands of steps before
 * the statistics leave their initial 0 and 1 — on a small dataset validation would see noise.
 * As TF's `ExponentialMovingAverage(num_updates=n)` does for weights, the decay at step n is
 * capped at `(1 + n) / (10 + n)`. The cap depends only on the step, so resuming is exact; the
 * layers' own decay is put back before the model is saved.
 */

import type * as tf from '@tensorflow/tfjs';

interface MomentumHolder {
  momentum: number;
}

export class BatchNormWarmup {
  private readonly layers: { layer: MomentumHolder; base: number }[];

  constructor(model: tf.LayersModel) {
    // tfjs's BatchNormalization and the engine's own BatchNorm both keep a writable `momentum`
    // that each training call reads, next to their moving statistics.
    this.layers = model.layers
      .filter((layer) => typeof (layer as unknown as Partial<MomentumHolder>).momentum === 'number' && layer.weights.some((w) => /moving_mean$/.test(w.originalName)))
      .map((layer) => {
        const holder = layer as unknown as MomentumHolder;
        return { layer: holder, base: holder.momentum };
      });
  }

  /** Sets the decay for step `globalStep` (0-based). */
  get count(): number {
    return this.layers.length;
  }

  apply(globalStep: number): void {
    const cap = (1 + globalStep) / (10 + globalStep);
    for (const { layer, base } of this.layers) layer.momentum = Math.min(base, cap);
  }

  restore(): void {
    for (const { layer, base } of this.layers) layer.momentum = base;
  }
}
