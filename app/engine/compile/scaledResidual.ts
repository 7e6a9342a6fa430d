/**
 * `act(shortcut + scale · residual)`: the Inception-ResNet addition as one serialisable tfjs
 * layer (registered, so a saved model loads back with `tf.loadLayersModel`).
 */

import * as tf from '@tensorflow/tfjs';
import type { ActivationFn } from '../../layers/types';

export interface ScaledResidualConfig {
  scale: number;
  activation: ActivationFn;
  name?: string;
}

function applyActivation(x: tf.Tensor, fn: ActivationFn): tf.Tensor {
  switch (fn) {
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'softmax':
      return tf.softmax(x);
    case 'linear':
      return x;
  }
}

export class ScaledResidual extends tf.layers.Layer {
  static readonly className = 'ScaledResidual';
  readonly scale: number;
  readonly activation: ActivationFn;

  constructor(config: ScaledResidualConfig) {
    super({ name: config.name });
    this.scale = config.scale;
    this.activation = config.activation;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return Array.isArray(inputShape[0]) ? (inputShape[0] as tf.Shape) : inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [shortcut, residual] = inputs as tf.Tensor[];
      return applyActivation(tf.add(shortcut, tf.mul(residual, this.scale)), this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), scale: this.scale, activation: this.activation };
  }
}

tf.serialization.registerClass(ScaledResidual);
