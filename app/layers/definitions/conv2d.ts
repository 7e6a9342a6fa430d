/** 2-D convolution, optionally followed by batch norm, then an activation. */

import { DESIGN_LIMITS } from '../../design/limits';
import type { LayerDefinition } from '../definition';
import { inferWindowShape } from '../gridArithmetic';
import { activationParam, biasParam, paddingParam, stridesParam } from '../paramSpecs';
import type { ActivationFn, Padding, Pair } from '../types';

export const conv2d: LayerDefinition<'conv2d'> = {
  info: {
    type: 'conv2d',
    label: 'Convolution',
    category: 'Layers',
    description: 'A 2-D convolution (conv → batch norm → activation), as every “traditional” Inception layer.',
    inputs: { min: 1, max: 1 },
    params: [
      { name: 'filters', label: 'Filters', help: 'Output channels.', kind: 'int', default: 64, min: 1, max: DESIGN_LIMITS.channels },
      { name: 'kernel', label: 'Kernel', help: '[height, width]: 1×7 and 7×1 are different kernels.', kind: 'pair', default: [3, 3], min: 1, max: DESIGN_LIMITS.inputSize },
      stridesParam([1, 1]),
      paddingParam('same'),
      activationParam('activation', 'relu'),
      { name: 'batchNorm', label: 'Batch norm', help: 'Normalise the convolution output.', kind: 'bool', default: true },
      { name: 'bnGamma', label: 'BN scale (gamma)', help: 'Learn a scale in batch norm; TF-slim and Keras do not.', kind: 'bool', default: false },
      biasParam(false),
    ],
  },
  toParams: (v) => ({
    filters: v.filters as number,
    kernel: v.kernel as Pair,
    strides: v.strides as Pair,
    padding: v.padding as Padding,
    activation: v.activation as ActivationFn,
    batchNorm: v.batchNorm as boolean,
    bnGamma: v.bnGamma as boolean,
    bias: v.bias as boolean,
  }),
  inferShape: ([input], p, id) =>
    inferWindowShape(input, { what: 'Convolution', kernel: p.kernel, strides: p.strides, padding: p.padding, channels: () => p.filters }, id),
  cost: ([input], output, p) => {
    const cin = input[2];
    const cout = p.filters;
    const weights = p.kernel[0] * p.kernel[1] * cin * cout;
    const bn = p.batchNorm ? (p.bnGamma ? 2 : 1) * cout : 0;
    return {
      trainable: weights + (p.bias ? cout : 0) + bn,
      nonTrainable: p.batchNorm ? 2 * cout : 0,
      macs: output[0] * output[1] * weights,
    };
  },
};
