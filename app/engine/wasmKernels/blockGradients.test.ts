import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandBlock } from '../../blocks/expand';
import { getBlockTemplate } from '../../blocks/library';
import { resolveParams } from '../../design/resolveParams';
import type { LayerGraph } from '../../layers/types';
import { selectBackend } from '../backends/select';
import { compileGraph } from '../compile/compileGraph';
import { readWeights, weightGradients, writeWeights, type WeightValues } from '../testing/backendRuns';
import { relativeMaxError, seededValues } from '../testing/seededData';

interface BlockCase {
  type: string;
  params: Record<string, number | boolean>;
  channels: number;
}

const blocks: BlockCase[] = [
  { type: 'inceptionA', params: { width: 0.125 }, channels: 8 },
  { type: 'inceptionB', params: { width: 0.0625 }, channels: 8 },
  { type: 'inceptionC', params: { width: 0.0625, bnGamma: false }, channels: 8 },
  { type: 'reductionA', params: { width: 0.125, k: 6, l: 7, m: 8, n: 12 }, channels: 8 },
  { type: 'inceptionResnetAV2', params: { width: 0.125, channels: 16 }, channels: 16 },
  { type: 'inceptionResnetBV2', params: { width: 0.0625, channels: 16 }, channels: 16 },
];

function blockGraph({ type, params, channels }: BlockCase): LayerGraph {
  const template = getBlockTemplate(type);
  if (!template) throw new Error(`no block template '${type}'`);
  const { values, issues } = resolveParams(template, params);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  const expanded = expandBlock(template, 'blk', values, 'input');
  return { input: [9, 9, channels], layers: [{ id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] }, ...expanded.layers], output: expanded.output };
}

async function gradientsOn(c: BlockCase, weights: WeightValues | null): Promise<{ grads: Float32Array[]; weights: WeightValues }> {
  const model = compileGraph(blockGraph(c), { seed: 4 });
  try {
    if (weights) writeWeights(model, weights);
    const input = tf.tensor4d(seededValues(2 * 9 * 9 * c.channels, 3), [2, 9, 9, c.channels]);
    const grads = await weightGradients(model, input);
    input.dispose();
    return { grads, weights: weights ?? (await readWeights(model)) };
  } finally {
    model.dispose();
  }
}

describe('whole-block gradients on wasm match cpu', () => {
  const reference = new Map<string, { grads: Float32Array[]; weights: WeightValues }>();
  let startTensors = 0;

  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
    for (const c of blocks) reference.set(c.type, await gradientsOn(c, null));
    await selectBackend({ backend: 'wasm' });
    startTensors = tf.memory().numTensors;
  });
  afterAll(() => expect(tf.memory().numTensors).toBe(startTensors));

  it.each(blocks)('$type', async (c) => {
    const expected = reference.get(c.type)!;
    const { grads } = await gradientsOn(c, expected.weights);
    expect(grads).toHaveLength(expected.grads.length);
    grads.forEach((g, i) => expect(relativeMaxError(g, expected.grads[i])).toBeLessThan(1e-4));
  });
});
