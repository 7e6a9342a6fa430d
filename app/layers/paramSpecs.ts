/** Parameter declarations that several layer kinds share. */

import { DESIGN_LIMITS } from '../design/limits';
import type { ParamSpec } from '../design/paramSpec';
import type { ActivationFn, Padding } from './types';

export const ACTIVATION_FNS: readonly ActivationFn[] = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax'];
export const PADDINGS: readonly Padding[] = ['valid', 'same'];

export function activationParam(name: string, fallback: ActivationFn): ParamSpec {
  return {
    name,
    label: 'Activation',
    help: 'Applied to the output; linear means none.',
    kind: 'enum',
    default: fallback,
    options: ACTIVATION_FNS,
  };
}

export function paddingParam(fallback: Padding): ParamSpec {
  return {
    name: 'padding',
    label: 'Padding',
    help: 'valid: no padding, the grid shrinks to floor((n − k) / s) + 1; same: ceil(n / s).',
    kind: 'enum',
    default: fallback,
    options: PADDINGS,
  };
}

export function stridesParam(fallback: readonly [number, number]): ParamSpec {
  return { name: 'strides', label: 'Strides', help: 'Step [vertical, horizontal] of the window.', kind: 'pair', default: fallback, min: 1, max: DESIGN_LIMITS.inputSize };
}

export function biasParam(fallback: boolean): ParamSpec {
  return { name: 'bias', label: 'Bias', help: 'A learned offset per output channel.', kind: 'bool', default: fallback };
}
