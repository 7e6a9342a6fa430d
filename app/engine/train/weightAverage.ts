/**
 * Exponential moving average of the trainable weights, used for evaluation as in the paper.
 * Like TF's `ExponentialMovingAverage(decay, num_updates)` the decay is capped at
 * `(1 + n) / (10 + n)` so that short runs average recent weights rather than the random start.
 */

import * as tf from '@tensorflow/tfjs';

export interface WeightAverage {
  /** Moves the averages towards the variables' current values. */
  update(): void;
  readonly updateCount: number;
  /** The averages, in the variables' order (owned by the average: valid until the next call or `dispose`). */
  readonly averages: readonly tf.Tensor[];
  /** Runs `work` with the averaged weights in place, then puts the trained weights back. */
  withAveragedWeights<T>(work: () => Promise<T>): Promise<T>;
  dispose(): void;
}

/** Runs `work` with `values` in `variables`, then puts the variables' own values back. */
export async function withValuesIn<T>(variables: readonly tf.Variable[], values: readonly tf.Tensor[], work: () => Promise<T>): Promise<T> {
  const saved = variables.map((v) => tf.clone(v));
  variables.forEach((v, i) => v.assign(values[i]));
  try {
    return await work();
  } finally {
    variables.forEach((v, i) => v.assign(saved[i]));
    tf.dispose(saved);
  }
}

/** The decay used for update number `n` (0-based). */
export function effectiveAverageDecay(decay: number, n: number): number {
  return Math.min(decay, (1 + n) / (10 + n));
}

/** The average as tfjs kernels on the variables' backend (webgpu; `FlatWeightAverage` elsewhere). */
export class TensorWeightAverage implements WeightAverage {
  private shadows: tf.Variable[];
  private updates: number;

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly decay: number,
    initial?: { shadows: readonly tf.Tensor[]; updates: number },
  ) {
    this.shadows = variables.map((v, i) => tf.variable(initial ? initial.shadows[i] : v, false));
    this.updates = initial?.updates ?? 0;
  }

  update(): void {
    const decay = effectiveAverageDecay(this.decay, this.updates);
    tf.tidy(() => {
      this.shadows.forEach((shadow, i) => shadow.assign(shadow.mul(decay).add(this.variables[i].mul(1 - decay))));
    });
    this.updates++;
  }

  get updateCount(): number {
    return this.updates;
  }

  get averages(): readonly tf.Variable[] {
    return this.shadows;
  }

  withAveragedWeights<T>(work: () => Promise<T>): Promise<T> {
    return withValuesIn(this.variables, this.shadows, work);
  }

  dispose(): void {
    tf.dispose(this.shadows);
    this.shadows = [];
  }
}
