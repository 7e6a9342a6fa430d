/** One builder per layer kind: symbolic inputs in, the layer's symbolic output out. */

import * as tf from '@tensorflow/tfjs';
import type { Layer, LayerParamsByKind } from '../../layers/types';
import { BatchNorm } from './batchNorm';
import { GraphCompileError } from './errors';
import { ACTIVATION_SUFFIX, BATCH_NORM_SUFFIX, tfjsLayerName } from './layerNames';
import { ScaledResidual } from './scaledResidual';
import { convolveUnfused } from './unfusedConvolution';

type Symbolic = tf.SymbolicTensor;

export interface BuildContext {
  /** Seed for this layer's initialisers (derived from the compile seed and layer index). */
  seed: number;
}

/** TF-slim batch norm: decay 0.9997 (tfjs momentum has the same meaning), epsilon 0.001. */
const BATCH_NORM_MOMENTUM = 0.9997;
const BATCH_NORM_EPSILON = 1e-3;

type Builder<K extends Layer['kind']> = (layer: Layer & { kind: K }, params: LayerParamsByKind[K], inputs: Symbolic[], context: BuildContext) => Symbolic;

function one(layer: Layer, inputs: Symbolic[]): Symbolic {
  if (inputs.length !== 1) throw new GraphCompileError(`expects 1 input, got ${inputs.length}`, layer.id);
  return inputs[0];
}

function apply(layer: tf.layers.Layer, input: Symbolic | Symbolic[]): Symbolic {
  return layer.apply(input) as Symbolic;
}

const conv2d: Builder<'conv2d'> = (layer, p, inputs, { seed }) => {
  const name = tfjsLayerName(layer.id);
  const fuseActivation = !p.batchNorm && p.activation !== 'softmax';
  const convolution = tf.layers.conv2d({
    name,
    filters: p.filters,
    kernelSize: [...p.kernel],
    strides: [...p.strides],
    padding: p.padding,
    useBias: p.bias,
    activation: fuseActivation ? p.activation : 'linear',
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    // Stryker disable next-line StringLiteral: tfjs reads an empty initializer name as its default, zeros
    biasInitializer: 'zeros',
  });
  const input = one(layer, inputs);
  const readsImages = input.sourceLayer.getClassName() === 'InputLayer';
  if (readsImages && !p.bias && (!fuseActivation || p.activation === 'linear')) convolveUnfused(convolution);
  let out = apply(convolution, input);
  if (p.batchNorm) {
    out = apply(new BatchNorm({ name: name + BATCH_NORM_SUFFIX, momentum: BATCH_NORM_MOMENTUM, epsilon: BATCH_NORM_EPSILON, scale: p.bnGamma, center: true }), out);
  }
  if (!fuseActivation && p.activation !== 'linear') out = apply(tf.layers.activation({ name: name + ACTIVATION_SUFFIX, activation: p.activation }), out);
  return out;
};

const pool =
  (kind: 'max' | 'avg'): Builder<'maxPool' | 'avgPool'> =>
  (layer, p, inputs) => {
    const args = { name: tfjsLayerName(layer.id), poolSize: [...p.pool] as [number, number], strides: [...p.strides] as [number, number], padding: p.padding };
    return apply(kind === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args), one(layer, inputs));
  };

const concat: Builder<'concat'> = (layer, _p, inputs) => {
  if (inputs.length < 2) throw new GraphCompileError(`concatenation needs at least 2 inputs, got ${inputs.length}`, layer.id);
  return apply(tf.layers.concatenate({ name: tfjsLayerName(layer.id), axis: -1 }), inputs);
};

const residualAdd: Builder<'residualAdd'> = (layer, p, inputs) => {
  if (inputs.length !== 2) throw new GraphCompileError(`residual addition needs 2 inputs (shortcut, residual), got ${inputs.length}`, layer.id);
  return apply(new ScaledResidual({ name: tfjsLayerName(layer.id), scale: p.scale, activation: p.activation }), inputs);
};

const activation: Builder<'activation'> = (layer, p, inputs) => apply(tf.layers.activation({ name: tfjsLayerName(layer.id), activation: p.fn }), one(layer, inputs));

const dropout: Builder<'dropout'> = (layer, p, inputs, { seed }) => apply(tf.layers.dropout({ name: tfjsLayerName(layer.id), rate: p.rate, seed }), one(layer, inputs));

const globalAvgPool: Builder<'globalAvgPool'> = (layer, _p, inputs) => apply(tf.layers.globalAveragePooling2d({ name: tfjsLayerName(layer.id) }), one(layer, inputs));

const flatten: Builder<'flatten'> = (layer, _p, inputs) => apply(tf.layers.flatten({ name: tfjsLayerName(layer.id) }), one(layer, inputs));

const dense: Builder<'dense'> = (layer, p, inputs, { seed }) =>
  apply(
    tf.layers.dense({
      name: tfjsLayerName(layer.id),
      units: p.units,
      activation: p.activation,
      useBias: p.bias,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      // Stryker disable next-line StringLiteral: tfjs reads an empty initializer name as its default, zeros
      biasInitializer: 'zeros',
    }),
    one(layer, inputs),
  );

const softmax: Builder<'softmax'> = (layer, _p, inputs) => apply(tf.layers.activation({ name: tfjsLayerName(layer.id), activation: 'softmax' }), one(layer, inputs));

const builders: { [K in Exclude<Layer['kind'], 'input'>]: Builder<K> } = {
  conv2d,
  maxPool: pool('max'),
  avgPool: pool('avg'),
  concat,
  residualAdd,
  activation,
  dropout,
  globalAvgPool,
  flatten,
  dense,
  softmax,
};

export function buildLayer(layer: Layer, inputs: Symbolic[], context: BuildContext): Symbolic {
  if (layer.kind === 'input') throw new GraphCompileError('a second input layer is not supported', layer.id);
  const builder = builders[layer.kind] as Builder<typeof layer.kind>;
  return builder(layer, layer.params as never, inputs, context);
}
