/** The classifier head: global average pooling, flatten, fully connected. */

import { DESIGN_LIMITS } from '../../design/limits';
import type { LayerDefinition } from '../definition';
import { NO_COST } from '../definition';
import { activationParam, biasParam } from '../paramSpecs';
import { isFeatureMap, notFeatureMap, shapeProblem } from '../shapeProblems';
import { formatShape, shapeSize } from '../shapeText';
import type { ActivationFn } from '../types';

export const globalAvgPool: LayerDefinition<'globalAvgPool'> = {
  info: {
    type: 'globalAvgPool',
    label: 'Global average pool',
    category: 'Heads',
    description: 'Averages each channel over the whole grid: h×w×c → c.',
    inputs: { min: 1, max: 1 },
    params: [],
  },
  toParams: () => ({}),
  inferShape: ([input], _p, id) => {
    if (!isFeatureMap(input)) return notFeatureMap(id, 'Global average pool', input);
    const [h, w, c] = input;
    return { ok: true, value: { shape: [c], step: { layerId: id, op: 'global avg', from: [h, w], to: [1, 1], formula: `mean over ${h}×${w} → 1×1` } } };
  },
  cost: () => NO_COST,
};

export const flatten: LayerDefinition<'flatten'> = {
  info: {
    type: 'flatten',
    label: 'Flatten',
    category: 'Heads',
    description: 'Lays a feature map out as one vector: h×w×c → h·w·c.',
    inputs: { min: 1, max: 1 },
    params: [],
  },
  toParams: () => ({}),
  inferShape: ([input], _p, id) => {
    const shape = [shapeSize(input)];
    if (!isFeatureMap(input)) return { ok: true, value: { shape } };
    const [h, w, c] = input;
    return { ok: true, value: { shape, step: { layerId: id, op: 'flatten', from: [h, w], to: [1, 1], formula: `${h}·${w}·${c} = ${shape[0]} values` } } };
  },
  cost: () => NO_COST,
};

export const dense: LayerDefinition<'dense'> = {
  info: {
    type: 'dense',
    label: 'Fully connected',
    category: 'Heads',
    description: 'Every input to every unit; the classifier layer.',
    inputs: { min: 1, max: 1 },
    params: [
      { name: 'units', label: 'Units', help: 'Outputs, e.g. the number of classes.', kind: 'int', default: 1000, min: 1, max: DESIGN_LIMITS.classes },
      activationParam('activation', 'linear'),
      biasParam(true),
    ],
  },
  toParams: (v) => ({ units: v.units as number, activation: v.activation as ActivationFn, bias: v.bias as boolean }),
  inferShape: ([input], p, id) => {
    if (input.length === 1) return { ok: true, value: { shape: [p.units] } };
    return shapeProblem(
      'dense-on-spatial',
      `Fully connected layer ${id} receives a ${formatShape(input)} feature map; it needs a vector.`,
      'Add a global average pool (or a flatten) before it.',
    );
  },
  cost: ([input], _output, p) => {
    const weights = input[0] * p.units;
    return { trainable: weights + (p.bias ? p.units : 0), nonTrainable: 0, macs: weights };
  },
};
