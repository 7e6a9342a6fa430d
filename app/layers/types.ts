/**
 * Primitive layers: the vocabulary every design expands to. A layer is plain data; its shape
 * and cost rules live in one definition per kind (see `LayerDefinition`).
 */

import type { Result } from '../result';

/** A tensor shape without the batch axis: `[h, w, c]` for a feature map, `[n]` for a vector. */
export type Shape = readonly number[];

export type Padding = 'valid' | 'same';
export type ActivationFn = 'relu' | 'linear' | 'sigmoid' | 'tanh' | 'softmax';
export type Pair = readonly [number, number];

export interface Conv2dParams {
  filters: number;
  /** [height, width]: 1×7 and 7×1 are distinct kernels. */
  kernel: Pair;
  /** [vertical, horizontal]. */
  strides: Pair;
  padding: Padding;
  activation: ActivationFn;
  batchNorm: boolean;
  /** BatchNorm with a learned scale (gamma); TF-slim and Keras train without it. */
  bnGamma: boolean;
  /** A bias term; conventionally off when batch norm follows. */
  bias: boolean;
}

export interface PoolParams {
  pool: Pair;
  strides: Pair;
  padding: Padding;
}

export interface ResidualAddParams {
  /** output = activation(inputs[0] + scale * inputs[1]); input 0 is the shortcut. */
  scale: number;
  activation: ActivationFn;
}

export interface ActivationParams {
  fn: ActivationFn;
}

export interface DropoutParams {
  rate: number;
}

export interface DenseParams {
  units: number;
  activation: ActivationFn;
  bias: boolean;
}

export type EmptyParams = Record<string, never>;

/** The params of each layer kind, keyed by kind. */
export interface LayerParamsByKind {
  input: EmptyParams;
  conv2d: Conv2dParams;
  maxPool: PoolParams;
  avgPool: PoolParams;
  concat: EmptyParams;
  residualAdd: ResidualAddParams;
  activation: ActivationParams;
  dropout: DropoutParams;
  globalAvgPool: EmptyParams;
  flatten: EmptyParams;
  dense: DenseParams;
  softmax: EmptyParams;
}

export type LayerKind = keyof LayerParamsByKind;

export type LayerSpec = { [K in LayerKind]: { kind: K; params: LayerParamsByKind[K] } }[LayerKind];

/**
 * One layer of the expanded graph. `id` names its weights (`b3/branch2/conv1`); `nodeId` is the
 * design node it was expanded from; `inputs` are layer ids in port order.
 */
export type Layer = LayerSpec & {
  id: string;
  nodeId: string;
  inputs: readonly string[];
};

/** The expanded network: layers in a topological order, the input shape, and the output layer. */
export interface LayerGraph {
  input: Shape;
  layers: readonly Layer[];
  /** Id of the layer whose output is the network output; absent when the design has none. */
  output: string | null;
}

export interface LayerCost {
  trainable: number;
  nonTrainable: number;
  /** Multiply-accumulates of one forward pass for one image (conv: Ho·Wo·kh·kw·Cin·Cout). */
  macs: number;
}

/** One step of grid arithmetic, e.g. `299 →3×3/2 valid→ 149`. */
export interface GridStep {
  layerId: string;
  /** Human text of the operation, e.g. `3×3/2 valid`. */
  op: string;
  from: readonly [number, number];
  to: readonly [number, number];
  /** The arithmetic, e.g. `floor((299 − 3) / 2) + 1 = 149`. */
  formula: string;
}

/** A shape rule's answer: the output shape, with the grid arithmetic that led there. */
export interface InferredShape {
  shape: Shape;
  step?: GridStep;
}

/** A shape rule's problem, in words. */
export interface ShapeFailure {
  code: string;
  message: string;
  hint: string;
  /** A shape to carry on with so one mistake is reported once, not at every later layer. */
  fallback?: Shape;
}

/** What a shape rule returns: the output shape, or a problem in words. */
export type ShapeResult = Result<InferredShape, ShapeFailure>;
