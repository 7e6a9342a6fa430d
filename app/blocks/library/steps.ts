/**
 * Small constructors for template data, so the library files read like the paper's tables.
 * They return plain `TemplateStep` objects; nothing here runs at expansion time.
 */

import { DESIGN_LIMITS } from '../../design/limits';
import type { ParamSpec } from '../../design/paramSpec';
import type { Padding } from '../../layers/types';
import type { ConcatStep, ConvStep, PoolStep, SequenceStep, TemplateStep, Width } from '../types';

interface ConvOptions {
  stride?: number;
  padding?: Padding;
}

/** A conv with BN + ReLU; `kernel` is `[h, w]` (1×7 is `[1, 7]`). */
export function conv(name: string, filters: Width, kernel: readonly [number, number], options: ConvOptions = {}): ConvStep {
  return { op: 'conv', name, filters, kernel, ...options };
}

/** The stride-2 VALID conv that shrinks the grid in stems and reductions. */
export function convDown(name: string, filters: Width, size = 3): ConvStep {
  return conv(name, filters, [size, size], { stride: 2, padding: 'valid' });
}

/** The linear 1×1 before a residual addition: bias, no BN, no activation. */
export function linear(name: string, filters: Width): ConvStep {
  return { op: 'conv', name, filters, kernel: [1, 1], linear: true };
}

/** 3×3/2 VALID max pool: every grid reduction in the three networks. */
export function maxPoolDown(name = 'pool'): PoolStep {
  return { op: 'maxPool', name, size: 3, stride: 2, padding: 'valid' };
}

/** 3×3/1 SAME average pool (TF excludes the padding from the average). */
export function avgPoolSame(name = 'pool'): PoolStep {
  return { op: 'avgPool', name, size: 3, stride: 1, padding: 'same' };
}

export function seq(name: string | undefined, ...steps: TemplateStep[]): SequenceStep {
  // Stryker disable next-line ConditionalExpression: `name: undefined` and no name read alike (expand tests `=== undefined`, JSON drops it); the type wants it omitted
  return name === undefined ? { op: 'sequence', steps } : { op: 'sequence', name, steps };
}

/** Branches named `branch0`, `branch1`, … concatenated in order into a layer named `name`. */
export function branches(name: string, ...bodies: TemplateStep[][]): ConcatStep {
  return { op: 'concat', name, branches: bodies.map((steps, index) => seq(`branch${index}`, ...steps)) };
}

export const widthParam: ParamSpec = {
  name: 'width',
  kind: 'number',
  label: 'Width multiplier',
  help: 'Scales every literal filter count: filters = max(1, round(filters × width)). Named widths stay absolute.',
  default: 1,
  min: 0.01,
  max: 8,
};

export function bnGammaParam(defaultValue: boolean): ParamSpec {
  return {
    name: 'bnGamma',
    kind: 'bool',
    label: 'BN scale (gamma)',
    help: 'Batch norm learns a scale. The paper is silent; TF-slim and Keras train without it, timm with it.',
    default: defaultValue,
  };
}

export function intParam(name: string, label: string, help: string, defaultValue: number): ParamSpec {
  return { name, kind: 'int', label, help, default: defaultValue, min: 1, max: DESIGN_LIMITS.channels };
}

/** The params of every residual block: linear 1×1 width, scale and the activation after the add. */
export function residualParams(channels: number, scale: number): ParamSpec[] {
  return [
    intParam('channels', 'Output channels', 'Width of the linear 1×1 before the addition; must equal the input channels.', channels),
    {
      name: 'scale',
      kind: 'number',
      label: 'Residual scale',
      help: 'output = activation(input + scale × residual). The paper picks 0.1–0.3 (Sec 3.3).',
      default: scale,
      min: 0,
      max: DESIGN_LIMITS.scale,
    },
    {
      name: 'activation',
      kind: 'enum',
      label: 'Activation after add',
      help: "'linear' for the last unscaled TF-slim Block8.",
      default: 'relu',
      options: ['relu', 'linear'],
    },
  ];
}

/** Input ports of a block: exactly one. */
export const oneInput = { min: 1, max: 1 } as const;
