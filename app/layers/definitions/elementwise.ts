/** Layers that keep the shape: activation, dropout, softmax; and the network input. */

import type { NodeTypeInfo, ResolvedParams } from '../../design/paramSpec';
import type { LayerDefinition } from '../definition';
import { NO_COST } from '../definition';
import { activationParam } from '../paramSpecs';
import type { ActivationFn, LayerKind, LayerParamsByKind } from '../types';

/** A weightless layer whose output has the shape of its one input. */
function shapePreserving<K extends LayerKind>(info: NodeTypeInfo, toParams: (values: ResolvedParams) => LayerParamsByKind[K]): LayerDefinition<K> {
  return { info, toParams, inferShape: ([shape]) => ({ ok: true, value: { shape } }), cost: () => NO_COST };
}

const oneInput = { min: 1, max: 1 };

export const input = shapePreserving<'input'>(
  {
    type: 'input',
    label: 'Input',
    category: 'Layers',
    description: 'The image entering the network; its size is the design input (height × width × channels).',
    inputs: { min: 0, max: 0 },
    params: [],
  },
  () => ({}),
);

export const activation = shapePreserving<'activation'>(
  { type: 'activation', label: 'Activation', category: 'Layers', description: 'An element-wise non-linearity.', inputs: oneInput, params: [activationParam('fn', 'relu')] },
  (v) => ({ fn: v.fn as ActivationFn }),
);

export const dropout = shapePreserving<'dropout'>(
  {
    type: 'dropout',
    label: 'Dropout',
    category: 'Heads',
    description: 'Zeroes a fraction of values while training; the paper keeps 0.8 (rate 0.2).',
    inputs: oneInput,
    params: [{ name: 'rate', label: 'Rate', help: 'Fraction dropped while training.', kind: 'number', default: 0.2, min: 0, max: 0.99 }],
  },
  (v) => ({ rate: v.rate as number }),
);

export const softmax = shapePreserving<'softmax'>(
  { type: 'softmax', label: 'Softmax', category: 'Heads', description: 'Turns class scores into probabilities.', inputs: oneInput, params: [] },
  () => ({}),
);
