/** Max and average pooling over a window; no weights, MACs not counted. */

import { DESIGN_LIMITS } from '../../design/limits';
import type { LayerDefinition } from '../definition';
import { NO_COST } from '../definition';
import { inferWindowShape } from '../gridArithmetic';
import { paddingParam, stridesParam } from '../paramSpecs';
import type { Padding, Pair, PoolParams } from '../types';

function poolDefinition<K extends 'maxPool' | 'avgPool'>(
  kind: K,
  label: string,
  description: string,
  defaults: { strides: Pair; padding: Padding },
): LayerDefinition<K> {
  const what = kind === 'maxPool' ? 'Max pool' : 'Average pool';
  const opPrefix = kind === 'maxPool' ? 'max' : 'avg';
  return {
    info: {
      type: kind,
      label,
      category: 'Layers',
      description,
      inputs: { min: 1, max: 1 },
      params: [
        { name: 'pool', label: 'Window', help: '[height, width] of the pooling window.', kind: 'pair', default: [3, 3], min: 1, max: DESIGN_LIMITS.inputSize },
        stridesParam(defaults.strides),
        paddingParam(defaults.padding),
      ],
    },
    toParams: (v): PoolParams => ({ pool: v.pool as Pair, strides: v.strides as Pair, padding: v.padding as Padding }),
    inferShape: ([input], p, id) =>
      inferWindowShape(input, { what, kernel: p.pool, strides: p.strides, padding: p.padding, channels: (c) => c, opPrefix }, id),
    cost: () => NO_COST,
  };
}

export const maxPool = poolDefinition('maxPool', 'Max pool', 'Maximum over a window; the reduction blocks use 3×3/2 valid.', {
  strides: [2, 2],
  padding: 'valid',
});

export const avgPool = poolDefinition('avgPool', 'Average pool', 'Mean over a window (padding excluded); Inception-A/B/C use 3×3/1 same.', {
  strides: [1, 1],
  padding: 'same',
});
