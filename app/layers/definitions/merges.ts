/** Layers that join several inputs: channel concatenation and residual addition. */

import { DESIGN_LIMITS } from '../../design/limits';
import type { LayerDefinition } from '../definition';
import { NO_COST } from '../definition';
import { activationParam } from '../paramSpecs';
import { isFeatureMap, notFeatureMap, shapeProblem } from '../shapeProblems';
import { formatShape } from '../shapeText';
import type { ActivationFn, Shape } from '../types';

export const concat: LayerDefinition<'concat'> = {
  info: {
    type: 'concat',
    label: 'Concatenate',
    category: 'Layers',
    description: 'Joins feature maps of the same grid along channels, in port order.',
    inputs: { min: 2, max: null },
    params: [],
  },
  toParams: () => ({}),
  inferShape: (inputs, _p, id) => {
    const first = inputs[0];
    let channels = 0;
    for (let port = 0; port < inputs.length; port++) {
      const shape = inputs[port];
      if (!isFeatureMap(shape)) return notFeatureMap(id, 'Concatenation', shape);
      if (shape[0] !== first[0] || shape[1] !== first[1]) {
        return shapeProblem(
          'concat-grid-mismatch',
          `Concatenation ${id} needs one grid on every input: port 0 is ${formatShape(first)} but port ${port} is ${formatShape(shape)}.`,
          `Make every branch end on a ${first[0]}×${first[1]} grid: check strides and padding (valid shrinks, same keeps).`,
        );
      }
      channels += shape[2];
    }
    return { ok: true, value: { shape: [first[0], first[1], channels] } };
  },
  cost: () => NO_COST,
};

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export const residualAdd: LayerDefinition<'residualAdd'> = {
  info: {
    type: 'residualAdd',
    label: 'Residual add',
    category: 'Layers',
    description: 'activation(shortcut + scale · branch): port 0 is the shortcut, port 1 the residual branch.',
    inputs: { min: 2, max: 2 },
    params: [
      { name: 'scale', label: 'Scale', help: 'Residual scaling; the paper uses 0.1–0.3.', kind: 'number', default: 1, min: 0, max: DESIGN_LIMITS.scale },
      activationParam('activation', 'relu'),
    ],
  },
  toParams: (v) => ({ scale: v.scale as number, activation: v.activation as ActivationFn }),
  inferShape: ([shortcut, branch], _p, id) => {
    if (sameShape(shortcut, branch)) return { ok: true, value: { shape: shortcut } };
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shape has one axis or three, and a one-axis shape never matches both grid numbers below, so this only states what that comparison implies
    const bothMaps = shortcut.length === 3 && branch.length === 3;
    const channelsOnly = bothMaps && shortcut[0] === branch[0] && shortcut[1] === branch[1];
    return shapeProblem(
      'residual-shape-mismatch',
      `Residual addition ${id} needs equal shapes: the shortcut (port 0) is ${formatShape(shortcut)} but the branch (port 1) is ${formatShape(branch)}` +
        (channelsOnly ? ` (${shortcut[2]} vs ${branch[2]} channels).` : '.'),
      channelsOnly
        ? `Make the linear 1×1 before the addition output ${shortcut[2]} channels, the width of the block input.`
        : 'Keep the grid of the residual branch equal to its input (stride 1, same padding).',
      shortcut,
    );
  },
  cost: () => NO_COST,
};
