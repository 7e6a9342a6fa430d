/** The learning-rate schedule: staircase exponential decay, as in the paper and TF-slim. */

import type { TrainConfig } from './types';

/**
 * Learning rate at a fractional epoch (`epoch + step / stepsPerEpoch`, counted from 0):
 * `learningRate × lrDecayRate ^ floor(epochFloat / lrDecayEpochs)`.
 */
export function learningRateAt(config: Pick<TrainConfig, 'learningRate' | 'lrDecayRate' | 'lrDecayEpochs'>, epochFloat: number): number {
  const decays = Math.floor(Math.max(0, epochFloat) / config.lrDecayEpochs);
  return config.learningRate * Math.pow(config.lrDecayRate, decays);
}
