/** Every primitive layer kind and its definition, keyed by kind. */

import type { LayerDefinition } from './definition';
import { conv2d } from './definitions/conv2d';
import { activation, dropout, input, softmax } from './definitions/elementwise';
import { dense, flatten, globalAvgPool } from './definitions/heads';
import { concat, residualAdd } from './definitions/merges';
import { avgPool, maxPool } from './definitions/pools';
import type { LayerKind } from './types';

export type { LayerDefinition } from './definition';

export const layerDefinitions: { readonly [K in LayerKind]: LayerDefinition<K> } = {
  input,
  conv2d,
  maxPool,
  avgPool,
  concat,
  residualAdd,
  activation,
  dropout,
  globalAvgPool,
  flatten,
  dense,
  softmax,
};
