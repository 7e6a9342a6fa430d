/**
 * A tf.Optimizer whose update is one pass of WebAssembly SIMD over flat float arrays
 * (`flatUpdateRules`) instead of about 15 tfjs kernels per variable: for the backends whose
 * tensors live in this process's memory (wasm, cpu), where those ~2,000 tiny kernels a step of
 * the small preset cost more in dispatch than in arithmetic. Slots are named and ordered as
 * tfjs' own optimizers name them, so checkpoints hold the same bundles either way and a run
 * resumes with either.
 */

import * as tf from '@tensorflow/tfjs';
import { FlatKernels } from './flatKernels';
import { AREA, decayAndClip, type FlatRule } from './flatUpdateRules';
import { tensorLayout, writeTensors, type TensorLayout } from './parallel/sharedTensors';
import { tensorOf } from '../wasmKernels/heapTensors';

/** tfjs' `NamedTensor`, which its package index does not export. */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** What happens to the gradients before the rule: TF-slim's weight decay on kernels, then global-norm clipping. */
export interface GradientSettings {
  /** Per variable, in the order updated: does weight decay apply (a kernel)? */
  decayed: readonly boolean[];
  weightDecay: number;
  /** 0: no clipping. */
  clipNorm: number;
}

/**
 * The gradients of an update: tensors in the order of the variables, or the weighted sum of
 * arrays that each hold all of them end to end (the data-parallel replicas').
 */
export type FlatGradients = readonly tf.Tensor[] | { sources: readonly Float32Array[]; weights: readonly number[] };

// Stryker disable next-line ArrayDeclaration,BooleanLiteral: at weightDecay 0 nothing reads `decayed`
const untreated = (count: number): GradientSettings => ({ decayed: new Array<boolean>(count).fill(false), weightDecay: 0, clipNorm: 0 });

/** `tensors` laid end to end in `target` (`tensorLayout` of their shapes), or in a new array. */
export function flattenTensors(tensors: readonly tf.Tensor[], target?: Float32Array): Float32Array {
  const layout = tensorLayout(tensors.map((t) => t.shape));
  const flat = target ?? new Float32Array(layout.total);
  writeTensors(tensors, flat, layout);
  return flat;
}

/**
 * `instanceof` cannot tell optimizers apart: tfjs' `Optimizer` answers it by duck typing (any
 * object with `minimize`, `computeGradients` and `applyGradients`), for every subclass too.
 */
export function isFlatOptimizer(optimizer: tf.Optimizer): optimizer is FlatOptimizer {
  return Object.prototype.isPrototypeOf.call(FlatOptimizer.prototype, optimizer);
}

export class FlatOptimizer extends tf.Optimizer {
  static get className(): string {
    return 'InceptionStudioFlatOptimizer';
  }

  /** Read afresh by every update, as tfjs' RMSProp reads its own (`setLearningRate`). */
  learningRate: number;
  private layout: TensorLayout | null = null;
  private kernels: FlatKernels | null = null;
  private shapes: number[][] = [];
  // Stryker disable next-line ArrayDeclaration: read only once `allocate` has set it
  private names: string[] = [];
  /** The tensors the last `getWeights` handed out: owned here, as tfjs' optimizers own their slot variables. */
  private lent: tf.Tensor[] = [];

  constructor(
    private readonly rule: FlatRule,
    learningRate: number,
  ) {
    super();
    this.learningRate = learningRate;
  }

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const named = Array.isArray(variableGradients) ? variableGradients : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const variables = named.map(({ name }) => tf.engine().registeredVariables[name]);
    this.update(
      variables,
      named.map((n) => n.tensor),
      untreated(variables.length),
    );
  }

  /**
   * One update of `variables` (always the same, in the same order) from their gradients: weight
   * decay and clipping as `settings` say, then the rule. Returns the gradient norm before clipping.
   */
  update(variables: readonly tf.Variable[], gradients: FlatGradients, settings: GradientSettings): number {
    const { layout, kernels } = this.areasFor(variables);
    this.gather(kernels, gradients);
    flattenTensors(variables, kernels.area(AREA.weights));
    const norm = decayAndClip(kernels, { ...settings, offsets: layout.offsets, sizes: layout.sizes });
    this.rule.update(kernels, this.learningRate);
    const weights = kernels.area(AREA.weights);
    tf.tidy(() => variables.forEach((v, i) => v.assign(tensorOf(weights.subarray(layout.offsets[i], layout.offsets[i] + layout.sizes[i]), v.shape))));
    this.incrementIterations();
    return norm;
  }

  override async getWeights(): Promise<NamedTensor[]> {
    tf.dispose(this.lent);
    const { layout, kernels } = this;
    const slots =
      layout && kernels
        ? this.rule.slotSuffixes.flatMap((suffix, kind) => {
            const values = kernels.area(AREA.firstSlot + kind);
            return this.names.map((name, i) => ({ name: `${name}/${suffix}`, tensor: tensorOf(values.subarray(layout.offsets[i], layout.offsets[i] + layout.sizes[i]), this.shapes[i]) }));
          })
        : [];
    this.lent = slots.map((s) => s.tensor);
    return [await this.saveIterations(), ...slots];
  }

  /** Copies the values: the caller keeps (and disposes) the tensors, as with tfjs' optimizers. */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const slotValues = await this.extractIterations(weightValues);
    const kinds = this.rule.slotSuffixes.length;
    if (slotValues.length % kinds !== 0) throw new Error(`FlatOptimizer: ${slotValues.length} slot tensors is not a multiple of ${kinds}`);
    const count = slotValues.length / kinds;
    const first = slotValues.slice(0, count);
    const kernels = this.allocate(
      first.map((s) => s.tensor.shape),
      first.map((s) => s.name.slice(0, s.name.lastIndexOf('/'))),
    );
    this.rule.slotSuffixes.forEach((_, kind) =>
      flattenTensors(
        slotValues.slice(kind * count, (kind + 1) * count).map((s) => s.tensor),
        kernels.area(AREA.firstSlot + kind),
      ),
    );
    this.rule.resume(this.iterations);
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, slots: [...this.rule.slotSuffixes] };
  }

  override dispose(): void {
    tf.dispose(this.lent);
    this.lent = [];
    super.dispose();
  }

  /**
   * Puts the update's gradients in the gradients area: copied, or summed from the sources in
   * order, each passing through the weights area, which is read only after this.
   */
  private gather(kernels: FlatKernels, gradients: FlatGradients): void {
    if (!('sources' in gradients)) {
      const count = gradients.reduce((n, g) => n + g.size, 0);
      if (count !== kernels.length) throw new Error(`FlatOptimizer: ${count} gradient values for ${kernels.length} weights`);
      flattenTensors(gradients, kernels.area(AREA.gradients));
      return;
    }
    kernels.area(AREA.gradients).fill(0);
    gradients.sources.forEach((source, r) => {
      if (gradients.weights[r] === 0) return;
      if (source.length !== kernels.length) throw new Error(`FlatOptimizer: ${source.length} gradient values for ${kernels.length} weights`);
      kernels.area(AREA.weights).set(source);
      kernels.k.addScaled(kernels.at(AREA.gradients), kernels.at(AREA.weights), kernels.length, gradients.weights[r]);
    });
  }

  /** The layout and areas of `variables`; slots start at zero on the first update unless restored. */
  private areasFor(variables: readonly tf.Variable[]): { layout: TensorLayout; kernels: FlatKernels } {
    const { layout, kernels } = this;
    if (!layout || !kernels) {
      return { layout: tensorLayout(variables.map((v) => v.shape)), kernels: this.allocate(variables.map((v) => v.shape), variables.map((v) => v.name)) } as const;
    }
    if (layout.sizes.length !== variables.length || variables.some((v, i) => v.size !== layout.sizes[i])) {
      throw new Error(`FlatOptimizer: its slots hold ${layout.sizes.length} weights, asked to update ${variables.length} of other sizes`);
    }
    this.names = variables.map((v) => v.name);
    return { layout, kernels };
  }

  private allocate(shapes: number[][], names: string[]): FlatKernels {
    this.shapes = shapes;
    this.names = names;
    this.layout = tensorLayout(shapes);
    this.kernels = new FlatKernels(AREA.firstSlot + this.rule.slotSuffixes.length, this.layout.total);
    return this.kernels;
  }
}
