/**
 * Block templates are data: a tree of convolutions, pools, sequences, concatenations and
 * residual additions whose widths may refer to named parameters. One pure function
 * (`expandBlock`) turns a template plus parameter values into layers.
 */

import type { NodeTypeInfo } from '../design/paramSpec';
import type { ActivationFn, Padding } from '../layers/types';

/** A width: a literal (scaled by the block's `width` multiplier) or a named parameter (absolute). */
export type Width = number | { param: string };

/** A scalar taken from a parameter, or a literal. */
export type Scalar<T> = T | { param: string };

export interface ConvStep {
  op: 'conv';
  name: string;
  filters: Width;
  kernel: readonly [number, number];
  /** Default 1. */
  stride?: number;
  /** Default 'same'. */
  padding?: Padding;
  /** The linear 1×1 before a residual addition: bias, no batch norm, no activation. */
  linear?: boolean;
}

export interface PoolStep {
  op: 'maxPool' | 'avgPool';
  name: string;
  size: number;
  stride: number;
  padding: Padding;
}

export interface SequenceStep {
  op: 'sequence';
  name?: string;
  steps: readonly TemplateStep[];
}

/** Branches run on the same input and are concatenated in order along channels. */
export interface ConcatStep {
  op: 'concat';
  name: string;
  branches: readonly TemplateStep[];
}

/**
 * `activation(input + scale * body(input))`. The body ends in the linear 1×1 that restores
 * the input width; a width mismatch is left for the analysis to report.
 */
export interface ResidualStep {
  op: 'residual';
  name: string;
  body: TemplateStep;
  scale: Scalar<number>;
  activation: Scalar<ActivationFn>;
}

export type TemplateStep = ConvStep | PoolStep | SequenceStep | ConcatStep | ResidualStep;

export interface BlockTemplate extends NodeTypeInfo {
  /** Where the block comes from, e.g. `Fig 4 (Inception-A)`. */
  source: string;
  body: TemplateStep;
}
