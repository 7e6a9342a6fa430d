/**
 * The update rules of tfjs' RMSProp, momentum and Adam optimizers as loops over flat float
 * arrays. Every operation is rounded to float32 (`f`) in the order tfjs' kernels run them, so
 * an update here equals tfjs' own bit for bit on the wasm and cpu backends.
 */

import type { TrainConfig } from '../../training/types';

const f = Math.fround;

/** One optimizer's slots: one array per kind, each as long as the weights. */
export interface FlatRule {
  /** tfjs' name suffix of each slot kind, in tfjs' `getWeights` order (`${variable}/${suffix}`). */
  readonly slotSuffixes: readonly string[];
  /** Updates `weights` and `slots` in place from `gradients`. */
  update(weights: Float32Array, gradients: Float32Array, slots: readonly Float32Array[], learningRate: number): void;
  /** Continues after `iterations` updates made elsewhere (slots restored from a checkpoint). */
  resume(iterations: number): void;
}

const stateless = { resume: () => undefined };

/** tfjs `train.rmsprop(lr, decay, momentum, ε, centered = false)`: ε inside the square root, as TF1. */
function rmsprop(decay: number, momentum: number, epsilon: number): FlatRule {
  const [d, oneMinusD, m, e] = [f(decay), f(1 - decay), f(momentum), f(epsilon)];
  return {
    ...stateless,
    slotSuffixes: ['rms', 'momentum'],
    update(weights, gradients, [meanSquares, moments], learningRate) {
      const lr = f(learningRate);
      for (let k = 0; k < weights.length; k++) {
        const g = gradients[k];
        const ms = f(f(meanSquares[k] * d) + f(f(g * g) * oneMinusD));
        const mom = f(f(moments[k] * m) + f(f(g * lr) / f(Math.sqrt(f(ms + e)))));
        meanSquares[k] = ms;
        moments[k] = mom;
        weights[k] = f(weights[k] - mom);
      }
    },
  };
}

/** tfjs `train.momentum(lr, momentum, useNesterov = false)`. */
function momentumSgd(momentum: number): FlatRule {
  const m = f(momentum);
  return {
    ...stateless,
    slotSuffixes: ['momentum'],
    update(weights, gradients, [accumulations], learningRate) {
      const c = f(-learningRate);
      for (let k = 0; k < weights.length; k++) {
        const accumulation = f(f(m * accumulations[k]) + gradients[k]);
        accumulations[k] = accumulation;
        weights[k] = f(f(c * accumulation) + weights[k]);
      }
    },
  };
}

/**
 * tfjs `train.adam(lr, β1, β2, ε)`. Its β^t accumulators are float32 products, one factor a
 * step, and restart as β^(t+1) when slots are restored, as there.
 */
function adam(beta1: number, beta2: number, epsilon: number): FlatRule {
  const [b1, b2, oneMinusB1, oneMinusB2, e] = [f(beta1), f(beta2), f(1 - beta1), f(1 - beta2), f(epsilon)];
  let accBeta1 = b1;
  let accBeta2 = b2;
  return {
    slotSuffixes: ['m', 'v'],
    resume(iterations) {
      accBeta1 = f(Math.pow(beta1, iterations + 1));
      accBeta2 = f(Math.pow(beta2, iterations + 1));
    },
    update(weights, gradients, [first, second], learningRate) {
      const [correction1, correction2, step] = [f(1 - accBeta1), f(1 - accBeta2), f(-learningRate)];
      for (let k = 0; k < weights.length; k++) {
        const g = gradients[k];
        const m = f(f(first[k] * b1) + f(g * oneMinusB1));
        const v = f(f(second[k] * b2) + f(f(g * g) * oneMinusB2));
        first[k] = m;
        second[k] = v;
        const corrected = f(f(m / correction1) / f(f(Math.sqrt(f(v / correction2))) + e));
        weights[k] = f(f(corrected * step) + weights[k]);
      }
      accBeta1 = f(accBeta1 * b1);
      accBeta2 = f(accBeta2 * b2);
    },
  };
}

/** The rule of the run's optimizer, with the settings `createOptimizer` gives tfjs' own. */
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

/** Which floats weight decay applies to and how the global norm is clipped (TF-slim's order: decay, then clip). */
export interface GradientTreatment {
  /** Per variable: is it a kernel (decayed)? */
  decayed: readonly boolean[];
  offsets: readonly number[];
  sizes: readonly number[];
  weightDecay: number;
  clipNorm: number;
}

/**
 * Adds `weightDecay · w` to the kernels' gradients, then scales all gradients so their global
 * norm is at most `clipNorm`, in place, as `addWeightDecay` and `clipByGlobalNorm` do with
 * tensors. Returns the global norm before clipping (summed in double precision).
 */
export function decayAndClip(weights: Float32Array, gradients: Float32Array, treatment: GradientTreatment): number {
  const decay = f(treatment.weightDecay);
  let squares = 0;
  treatment.decayed.forEach((decayed, i) => {
    const end = treatment.offsets[i] + treatment.sizes[i];
    for (let k = treatment.offsets[i]; k < end; k++) {
      const g = decayed && treatment.weightDecay > 0 ? f(gradients[k] + f(weights[k] * decay)) : gradients[k];
      gradients[k] = g;
      squares += g * g;
    }
  });
  const norm = Math.sqrt(squares);
  if (treatment.clipNorm > 0 && norm > treatment.clipNorm) {
    const scale = f(treatment.clipNorm / norm);
    for (let k = 0; k < gradients.length; k++) gradients[k] = f(gradients[k] * scale);
  }
  return norm;
}
