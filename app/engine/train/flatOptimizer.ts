/**
 * A tf.Optimizer whose update is one pass over flat float arrays (`flatUpdateRules`) instead of
 * about 15 tfjs kernels per variable: for the backends whose tensors live in this process's
 * memory (wasm, cpu), where those ~1,500 tiny kernels a step of the small preset cost more in
 * dispatch than in arithmetic. Slots are named and ordered as tfjs' own optimizers name them,
 * so checkpoints hold the same bundles either way and a run resumes with either.
 */

import * as tf from '@tensorflow/tfjs';
import { decayAndClip, type FlatRule } from './flatUpdateRules';
import { tensorLayout, type TensorLayout } from './parallel/sharedTensors';

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

const untreated = (count: number): GradientSettings => ({ decayed: new Array<boolean>(count).fill(false), weightDecay: 0, clipNorm: 0 });

/** `tensors` laid end to end in one array (`tensorLayout` of their shapes). */
export function flattenTensors(tensors: readonly tf.Tensor[]): Float32Array {
  const layout = tensorLayout(tensors.map((t) => t.shape));
  const flat = new Float32Array(layout.total);
  tensors.forEach((t, i) => flat.set(t.dataSync() as Float32Array, layout.offsets[i]));
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
  private shapes: number[][] = [];
  private slots: Float32Array[] = [];
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
    this.update(variables, flattenTensors(named.map((n) => n.tensor)), untreated(variables.length));
  }

  /**
   * One update of `variables` (always the same, in the same order) from their gradients laid end
   * to end, which are decayed and clipped in place first. Returns the gradient norm before clipping.
   */
  update(variables: readonly tf.Variable[], gradients: Float32Array, settings: GradientSettings): number {
    const layout = this.layoutFor(variables);
    if (gradients.length !== layout.total) throw new Error(`FlatOptimizer: ${gradients.length} gradient values for ${layout.total} weights`);
    const weights = flattenTensors(variables);
    const norm = decayAndClip(weights, gradients, { ...settings, offsets: layout.offsets, sizes: layout.sizes });
    this.rule.update(weights, gradients, this.slots, this.learningRate);
    tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(weights.subarray(layout.offsets[i], layout.offsets[i] + layout.sizes[i]), v.shape))));
    this.incrementIterations();
    return norm;
  }

  override async getWeights(): Promise<NamedTensor[]> {
    tf.dispose(this.lent);
    const layout = this.layout;
    const slots = layout
      ? this.rule.slotSuffixes.flatMap((suffix, kind) =>
          this.names.map((name, i) => ({
            name: `${name}/${suffix}`,
            tensor: tf.tensor(this.slots[kind].slice(layout.offsets[i], layout.offsets[i] + layout.sizes[i]), this.shapes[i]),
          })),
        )
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
    this.shapes = first.map((s) => s.tensor.shape);
    this.names = first.map((s) => s.name.slice(0, s.name.lastIndexOf('/')));
    this.layout = tensorLayout(this.shapes);
    this.slots = this.rule.slotSuffixes.map((_, kind) => flattenTensors(slotValues.slice(kind * count, (kind + 1) * count).map((s) => s.tensor)));
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

  /** The layout of `variables`; slots start at zero on the first update unless restored. */
  private layoutFor(variables: readonly tf.Variable[]): TensorLayout {
    const known = this.layout;
    this.names = variables.map((v) => v.name);
    if (known) {
      if (known.sizes.length !== variables.length || variables.some((v, i) => v.size !== known.sizes[i])) {
        throw new Error(`FlatOptimizer: its slots hold ${known.sizes.length} weights, asked to update ${variables.length} of other sizes`);
      }
      return known;
    }
    this.shapes = variables.map((v) => v.shape);
    const layout = tensorLayout(this.shapes);
    this.layout = layout;
    this.slots = this.rule.slotSuffixes.map(() => new Float32Array(layout.total));
    return layout;
  }
}
