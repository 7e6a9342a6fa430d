/**
 * Batch normalisation over the channel axis, optionally without the learned scale (gamma).
 * tfjs's own BatchNormalization layer cannot train with `scale: false` (its training path reads
 * the absent gamma), and TF-slim's Inception networks train exactly that way; this layer does.
 * Weight names follow Keras: gamma, beta, moving_mean, moving_variance.
 */

import * as tf from '@tensorflow/tfjs';
import { normalizeBatch } from './batchNormTraining';
import { movingAverage } from './movingAverage';

export interface BatchNormConfig {
  name?: string;
  /** Moving-average decay: moving = momentum · moving + (1 − momentum) · batch. */
  momentum: number;
  epsilon: number;
  scale: boolean;
  center: boolean;
}

export class BatchNorm extends tf.layers.Layer {
  static readonly className = 'InceptionStudioBatchNorm';
  readonly momentum: number;
  readonly epsilon: number;
  readonly scale: boolean;
  readonly center: boolean;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;
  private movingMean!: tf.LayerVariable;
  private movingVariance!: tf.LayerVariable;

  constructor(config: BatchNormConfig) {
    super({ name: config.name });
    this.momentum = config.momentum;
    this.epsilon = config.epsilon;
    this.scale = config.scale;
    this.center = config.center;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[shape.length - 1];
    if (channels == null) throw new Error(`${this.name}: the channel axis must have a known size`);
    if (this.scale) this.gamma = this.addWeight('gamma', [channels], 'float32', tf.initializers.ones());
    if (this.center) this.beta = this.addWeight('beta', [channels], 'float32', tf.initializers.zeros());
    this.movingMean = this.addWeight('moving_mean', [channels], 'float32', tf.initializers.zeros(), undefined, false);
    this.movingVariance = this.addWeight('moving_variance', [channels], 'float32', tf.initializers.ones(), undefined, false);
    // Stryker disable next-line BooleanLiteral: Layer.apply, the only caller, sets built itself once build returns
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      // A constant scale of ones where there is no gamma: both the training formulation and
      // tfjs's batchNorm gradient want a scale tensor (tfjs saves the absent input).
      const gamma = (this.gamma?.read() ?? tf.ones([x.shape[x.rank - 1]])) as tf.Tensor1D;
      const beta = this.beta?.read() as tf.Tensor1D | undefined;
      if (kwargs.training !== true) {
        return tf.batchNorm(x, this.movingMean.read() as tf.Tensor1D, this.movingVariance.read() as tf.Tensor1D, beta, gamma, this.epsilon);
      }
      return normalizeBatch(x, gamma, beta ?? tf.zeros([x.shape[x.rank - 1]]), this.epsilon, (mean, variance) => {
        this.updateMovingAverage(this.movingMean, mean);
        this.updateMovingAverage(this.movingVariance, variance);
      });
    });
  }

  private updateMovingAverage(variable: tf.LayerVariable, batchValue: tf.Tensor): void {
    tf.tidy(() => {
      variable.write(movingAverage(variable.read(), batchValue, 1 - this.momentum));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), momentum: this.momentum, epsilon: this.epsilon, scale: this.scale, center: this.center };
  }
}

tf.serialization.registerClass(BatchNorm);
