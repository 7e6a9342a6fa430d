/**
 * The update rules of tfjs' RMSProp, momentum and Adam optimizers, and TF-slim's weight decay
 * and clipping, over the flat areas of a `FlatKernels`. The kernels apply float32 operations in
 * the order tfjs' kernels do, so an update here equals tfjs' own bit for bit (wasm and cpu).
 */

import type { TrainConfig } from '../../training/types';
import type { FlatKernels } from './flatKernels';

/** The areas of an optimizer's `FlatKernels`: the weights, their gradients, then one per slot kind. */
export const AREA = { weights: 0, gradients: 1, firstSlot: 2 } as const;

const f = Math.fround;

export interface FlatRule {
  /** tfjs' name suffix of each slot kind, in tfjs' `getWeights` order (`${variable}/${suffix}`). */
  readonly slotSuffixes: readonly string[];
  /** Updates the weights and slots from the gradients, in place. */
  update(kernels: FlatKernels, learningRate: number): void;
  /** Continues after `iterations` updates made elsewhere (slots restored from a checkpoint). */
  resume(iterations: number): void;
}

const stateless = { resume: () => undefined };
const slot = (kernels: FlatKernels, kind: number): number => kernels.at(AREA.firstSlot + kind);

/** tfjs `train.rmsprop(lr, decay, momentum, ε, centered = false)`: ε inside the square root, as TF1. */
function rmsprop(decay: number, momentum: number, epsilon: number): FlatRule {
  return {
    ...stateless,
    slotSuffixes: ['rms', 'momentum'],
    update(kernels, learningRate) {
      const { k } = kernels;
      k.rmsprop(kernels.at(AREA.weights), kernels.at(AREA.gradients), slot(kernels, 0), slot(kernels, 1), kernels.length, learningRate, decay, 1 - decay, momentum, epsilon);
    },
  };
}

/** tfjs `train.momentum(lr, momentum, useNesterov = false)`. */
function momentumSgd(momentum: number): FlatRule {
  return {
    ...stateless,
    slotSuffixes: ['momentum'],
    update(kernels, learningRate) {
      kernels.k.momentum(kernels.at(AREA.weights), kernels.at(AREA.gradients), slot(kernels, 0), kernels.length, -learningRate, momentum);
    },
  };
}

/**
 * tfjs `train.adam(lr, β1, β2, ε)`. Its β^t accumulators are float32 products, one factor a
 * step, and restart as β^(t+1) when slots are restored, as there.
 */
function adam(beta1: number, beta2: number, epsilon: number): FlatRule {
  const [b1, b2] = [f(beta1), f(beta2)];
  let accBeta1 = b1;
  let accBeta2 = b2;
  return {
    slotSuffixes: ['m', 'v'],
    resume(iterations) {
      accBeta1 = f(Math.pow(beta1, iterations + 1));
      accBeta2 = f(Math.pow(beta2, iterations + 1));
    },
    update(kernels, learningRate) {
      const at = kernels.at.bind(kernels);
      kernels.k.adam(at(AREA.weights), at(AREA.gradients), slot(kernels, 0), slot(kernels, 1), kernels.length, b1, b2, 1 - beta1, 1 - beta2, f(1 - accBeta1), f(1 - accBeta2), -learningRate, epsilon);
      accBeta1 = f(accBeta1 * b1);
      accBeta2 = f(accBeta2 * b2);
    },
  };
}

/** The rule of the run's optimizer, with the settings `createTfjsOptimizer` gives tfjs' own. */
export function flatRule(config: TrainConfig): FlatRule {
  switch (config.optimizer) {
    case 'rmsprop':
      return rmsprop(config.rmsDecay, config.momentum, config.epsilon);
    case 'sgd':
      return momentumSgd(config.momentum);
    case 'adam':
      return adam(0.9, 0.999, 1e-7);
  }
}

/** Which weights weight decay applies to and how the global norm is clipped (TF-slim's order: decay, then clip). */
export interface GradientTreatment {
  /** Per variable: is it a kernel (decayed)? */
  decayed: readonly boolean[];
  offsets: readonly number[];
  sizes: readonly number[];
  weightDecay: number;
  /** 0: no clipping. */
  clipNorm: number;
}

/**
 * Adds `weightDecay · w` to the kernels' gradients, then scales all gradients so their global
 * norm is at most `clipNorm`, in place, as `addWeightDecay` and `clipByGlobalNorm` do with
 * tensors. Returns the global norm before clipping (summed in double precision).
 */
export function decayAndClip(kernels: FlatKernels, treatment: GradientTreatment): number {
  const { k } = kernels;
  const [weights, gradients] = [kernels.at(AREA.weights), kernels.at(AREA.gradients)];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a decay of 0 adds 0 · w, the same gradients; the test only skips the loop (its `false`, never decaying, fails decayAndClip's tests: checked by hand)
  if (treatment.weightDecay > 0) {
    treatment.decayed.forEach((decayed, i) => {
      if (decayed) k.decay(weights + treatment.offsets[i] * 4, gradients + treatment.offsets[i] * 4, treatment.sizes[i], treatment.weightDecay);
    });
  }
  const norm = Math.sqrt(k.sumSquares(gradients, kernels.length));
  // Stryker disable next-line EqualityOperator: at norm = clipNorm the scale is 1, the same gradients
  const over = norm > treatment.clipNorm;
  if (treatment.clipNorm > 0 && over) k.scale(gradients, kernels.length, treatment.clipNorm / norm);
  return norm;
}
