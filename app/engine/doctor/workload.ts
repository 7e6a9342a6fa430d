/**
 * The doctor's fixed workload: one Inception-ResNet-A block (the v2 paper's) at a quarter of
 * its width on a 17×17×64 grid, batch 8, forward in training mode and backward to every
 * weight — small enough for the pure-JS backend to finish a step in seconds, the same kernels
 * a real run uses (convolutions 1×1 and 3×3, batch norm, concatenation, scaled residual).
 */

import * as tf from '@tensorflow/tfjs';
import { expandBlock } from '../../blocks/expand';
import { getBlockTemplate } from '../../blocks/library';
import { resolveParams } from '../../design/resolveParams';
import type { LayerGraph } from '../../layers/types';
import { compileGraph } from '../compile/compileGraph';

const GRID = 17;
const CHANNELS = 64;
const WIDTH = 0.25;
export const WORKLOAD_BATCH = 8;

export const WORKLOAD_DESCRIPTION = `Inception-ResNet-A (v2) block, width ${WIDTH}, on ${GRID}×${GRID}×${CHANNELS}, batch ${WORKLOAD_BATCH}, forward and backward`;

function workloadGraph(): LayerGraph {
  const template = getBlockTemplate('inceptionResnetAV2');
  if (!template) throw new Error('the block library has no inceptionResnetAV2');
  const { values } = resolveParams(template, { width: WIDTH, channels: CHANNELS });
  const block = expandBlock(template, 'block', values, 'input');
  return { input: [GRID, GRID, CHANNELS], layers: [{ id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] }, ...block.layers], output: block.output };
}

export interface Workload {
  /** One forward and backward pass; resolves once the device has finished it. */
  step(): Promise<void>;
  dispose(): void;
}

/** Builds the workload on the current backend (seeded weights and input). */
export function createWorkload(): Workload {
  const model = compileGraph(workloadGraph(), { seed: 1 });
  const input = tf.randomUniform([WORKLOAD_BATCH, GRID, GRID, CHANNELS], -1, 1, 'float32', 3);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return {
    async step() {
      const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.mean(tf.square(model.apply(input, { training: true }) as tf.Tensor)) as tf.Scalar), variables);
      const ordered = variables.map((v) => grads[v.name]);
      // Reading one value waits for everything queued before it (GPU backends run asynchronously).
      await ordered[0].data();
      tf.dispose([value, ...ordered]);
    },
    dispose() {
      input.dispose();
      model.dispose();
    },
  };
}
