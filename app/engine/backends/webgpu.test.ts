/**
 * The webgpu backend against the cpu backend: forward outputs and every weight gradient of
 * each block in the library and of every layer kind, on small shapes. Runs on a GPU where
 * there is one, else on the SwiftShader software adapter (slow: about half a minute).
 */

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandBlock } from '../../blocks/expand';
import { blockTemplates } from '../../blocks/library';
import { resolveParams } from '../../design/resolveParams';
import { conv2dParams } from '../../layers/testing/conv2dParams';
import type { LayerGraph } from '../../layers/types';
import { compileGraph } from '../compile/compileGraph';
import { forwardValues, readWeights, weightGradients, writeWeights, type WeightValues } from '../testing/backendRuns';
import { relativeMaxError, seededValues } from '../testing/seededData';
import { tinyGraph } from '../testing/tinyGraph';
import { webGpuSkipReason } from '../testing/webgpuTesting';
import { selectBackend } from './select';
import { checkWebGpuErrors, releaseWebGpu, WebGpuError } from './webgpu';

const skip = await webGpuSkipReason();

const INPUT_LAYER = { id: 'input', nodeId: 'input', kind: 'input', params: {}, inputs: [] } as const;

/** A block of the library at a small width: stems on 75×75×3, the others on 9×9×16. */
function blockGraph(type: string): LayerGraph {
  const template = blockTemplates.find((t) => t.type === type)!;
  const params: Record<string, number> = { width: 0.0625 };
  if (template.params.some((p) => p.name === 'channels')) params.channels = 16;
  if (type === 'reductionA') Object.assign(params, { k: 6, l: 7, m: 8, n: 12 });
  const { values, issues } = resolveParams(template, params);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  const block = expandBlock(template, 'blk', values, 'input');
  return { input: type.startsWith('stem') ? [75, 75, 3] : [9, 9, 16], layers: [INPUT_LAYER, ...block.layers], output: block.output };
}

/** The layer kinds no block uses: a separate activation, a 'same' strided max pool, flatten, a sigmoid dense. */
function headGraph(): LayerGraph {
  return {
    input: [10, 10, 3],
    layers: [
      INPUT_LAYER,
      { id: 'conv', nodeId: 'conv', kind: 'conv2d', params: conv2dParams({ filters: 6, strides: [1, 1], padding: 'same', batchNorm: false, bias: true, activation: 'linear' }), inputs: ['input'] },
      { id: 'tanh', nodeId: 'tanh', kind: 'activation', params: { fn: 'tanh' }, inputs: ['conv'] },
      { id: 'pool', nodeId: 'pool', kind: 'maxPool', params: { pool: [3, 3], strides: [2, 2], padding: 'same' }, inputs: ['tanh'] },
      { id: 'flat', nodeId: 'flat', kind: 'flatten', params: {}, inputs: ['pool'] },
      { id: 'hidden', nodeId: 'hidden', kind: 'dense', params: { units: 7, activation: 'sigmoid', bias: true }, inputs: ['flat'] },
      { id: 'logits', nodeId: 'logits', kind: 'dense', params: { units: 4, activation: 'linear', bias: true }, inputs: ['hidden'] },
      { id: 'softmax', nodeId: 'softmax', kind: 'softmax', params: {}, inputs: ['logits'] },
    ],
    output: 'softmax',
  };
}

interface Run {
  output: Float32Array;
  grads: Float32Array[];
  weights: WeightValues;
}

/** Inference output first (initial moving statistics), then gradients in training mode. */
async function runGraph(graph: LayerGraph, weights: WeightValues | null): Promise<Run> {
  const model = compileGraph(graph, { seed: 4 });
  const [h, w, c] = graph.input;
  const input = tf.tensor4d(seededValues(2 * h * w * c, 3), [2, h, w, c]);
  try {
    if (weights) writeWeights(model, weights);
    const initial = weights ?? (await readWeights(model));
    const output = await forwardValues(model, input);
    return { output, grads: await weightGradients(model, input), weights: initial };
  } finally {
    input.dispose();
    model.dispose();
  }
}

const cases: [string, () => LayerGraph][] = [['every layer kind (tiny graph)', tinyGraph], ['activation, same max pool, flatten, dense', headGraph], ...blockTemplates.map((t): [string, () => LayerGraph] => [t.type, () => blockGraph(t.type)])];

describe.skipIf(skip !== null)(`the webgpu backend${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const reference = new Map<string, Run>();

  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
    for (const [name, graph] of cases) reference.set(name, await runGraph(graph(), null));
  }, 120_000);

  afterAll(() => releaseWebGpu());

  it('is chosen automatically only on a hardware adapter, and on any adapter when asked for', async () => {
    const automatic = await selectBackend();
    const forced = await selectBackend({ backend: 'webgpu' });
    expect(tf.getBackend()).toBe('webgpu');
    const status = forced.backends.find((b) => b.name === 'webgpu')!;
    expect(status.gpu?.maxStorageBufferBindingSize).toBeGreaterThan(0);
    expect(forced.device).toMatch(/\(WebGPU(, software)?\)$/);
    if (status.gpu?.software) {
      expect(automatic.active).not.toBe('webgpu');
      expect(automatic.backends.find((b) => b.name === 'webgpu')).toMatchObject({ available: true, reason: expect.stringMatching(/^a software adapter .* not chosen automatically/) });
    } else {
      expect(automatic.active).toBe('webgpu');
    }
  });

  it.each(cases.map(([name]) => name))('%s: outputs and weight gradients match the cpu backend', async (name) => {
    await selectBackend({ backend: 'webgpu' });
    const expected = reference.get(name)!;
    const graph = cases.find(([n]) => n === name)![1]();
    const actual = await runGraph(graph, expected.weights);
    checkWebGpuErrors();
    expect(relativeMaxError(actual.output, expected.output)).toBeLessThan(1e-4);
    expect(actual.grads).toHaveLength(expected.grads.length);
    actual.grads.forEach((g, i) => expect(relativeMaxError(g, expected.grads[i]), `gradient ${i}`).toBeLessThan(1e-4));
  });

  it('sums more tensors than one shader may bind (AddN in groups)', async () => {
    const parts = Array.from({ length: 40 }, (_, i) => seededValues(12, i + 1));
    const sum = async (): Promise<Float32Array> => {
      const tensors = parts.map((values) => tf.tensor1d(values));
      const total = tf.addN(tensors);
      const values = (await total.data()) as Float32Array;
      tf.dispose([...tensors, total]);
      return values;
    };
    await selectBackend({ backend: 'cpu' });
    const expected = await sum();
    await selectBackend({ backend: 'webgpu' });
    expect(relativeMaxError(await sum(), expected)).toBeLessThan(1e-6);
    checkWebGpuErrors();
  });

  it('reports what the device refused instead of computing on silently', async () => {
    await selectBackend({ backend: 'webgpu' });
    const device = (tf.backend() as unknown as { device: GPUDevice }).device;
    device.createBuffer({ size: device.limits.maxBufferSize * 2, usage: GPUBufferUsage.STORAGE });
    expect(() => checkWebGpuErrors()).toThrow(WebGpuError);
    expect(() => checkWebGpuErrors()).not.toThrow();
  });
});
