/** The contract every layer kind implements: what the palette shows, a shape rule, a cost rule. */

import type { NodeTypeInfo, ResolvedParams } from '../design/paramSpec';
import type { LayerCost, LayerKind, LayerParamsByKind, Shape, ShapeResult } from './types';

export interface LayerDefinition<K extends LayerKind> {
  info: NodeTypeInfo;
  /** Types values already checked by `resolveParams` against `info.params`. */
  toParams(values: ResolvedParams): LayerParamsByKind[K];
  /**
   * The output shape from the input shapes in port order. The `input` layer receives the
   * network input shape as its only input.
   */
  inferShape(inputs: readonly Shape[], params: LayerParamsByKind[K], id: string): ShapeResult;
  cost(inputs: readonly Shape[], output: Shape, params: LayerParamsByKind[K]): LayerCost;
}

export const NO_COST: LayerCost = Object.freeze({ trainable: 0, nonTrainable: 0, macs: 0 });
