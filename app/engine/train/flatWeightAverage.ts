/**
 * `WeightAverage` as one WebAssembly pass over flat arrays, for the backends whose tensors live
 * in this process's memory (wasm, cpu): tfjs' version issues four kernels per variable per step
 * (~600 on the small preset, 12–17 ms of dispatch). Same float32 operations in the same order,
 * so the averages equal tfjs' bit for bit.
 */

import * as tf from '@tensorflow/tfjs';
import { FlatKernels } from './flatKernels';
import { tensorOf } from '../wasmKernels/heapTensors';
import { flattenTensors } from './flatOptimizer';
import { tensorLayout, type TensorLayout } from './parallel/sharedTensors';
import { effectiveAverageDecay, withValuesIn, type WeightAverage } from './weightAverage';

const SHADOWS = 0;
const WEIGHTS = 1;

export class FlatWeightAverage implements WeightAverage {
  private readonly kernels: FlatKernels;
  private readonly layout: TensorLayout;
  private updates: number;
  /** The tensors the last `averages` handed out, disposed by the next call or `dispose`. */
  private lent: tf.Tensor[] = [];

  constructor(
    private readonly variables: readonly tf.Variable[],
    private readonly decay: number,
    initial?: { shadows: readonly tf.Tensor[]; updates: number },
  ) {
    this.layout = tensorLayout(variables.map((v) => v.shape));
    this.kernels = new FlatKernels(2, this.layout.total);
    flattenTensors(initial ? initial.shadows : variables, this.kernels.area(SHADOWS));
    this.updates = initial?.updates ?? 0;
  }

  update(): void {
    const decay = effectiveAverageDecay(this.decay, this.updates);
    flattenTensors(this.variables, this.kernels.area(WEIGHTS));
    this.kernels.k.average(this.kernels.at(SHADOWS), this.kernels.at(WEIGHTS), this.kernels.length, decay, 1 - decay);
    this.updates++;
  }

  get updateCount(): number {
    return this.updates;
  }

  get averages(): readonly tf.Tensor[] {
    tf.dispose(this.lent);
    this.lent = this.shadowTensors();
    return this.lent;
  }

  async withAveragedWeights<T>(work: () => Promise<T>): Promise<T> {
    const shadows = this.shadowTensors();
    try {
      return await withValuesIn(this.variables, shadows, work);
    } finally {
      tf.dispose(shadows);
    }
  }

  dispose(): void {
    tf.dispose(this.lent);
    this.lent = [];
  }

  private shadowTensors(): tf.Tensor[] {
    const { offsets, sizes } = this.layout;
    const shadows = this.kernels.area(SHADOWS);
    return this.variables.map((v, i) => tensorOf(shadows.subarray(offsets[i], offsets[i] + sizes[i]), v.shape));
  }
}
