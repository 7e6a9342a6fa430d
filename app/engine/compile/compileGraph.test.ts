import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { seededValues } from '../testing/seededData';
import { tinyGraph } from '../testing/tinyGraph';
import { compileGraph } from './compileGraph';
import { GraphCompileError } from './errors';
import { layerIdOf, tfjsLayerName } from './layerNames';
import { BatchNorm } from './batchNorm';
import { ScaledResidual } from './scaledResidual';

function countParams(model: tf.LayersModel): { trainable: number; nonTrainable: number } {
  const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return { trainable: size(model.trainableWeights), nonTrainable: size(model.nonTrainableWeights) };
}

/** TensorFlow's 'same' average pool: padding is left out of each window's count. */
function referenceAvgPoolSame(values: Float32Array, h: number, w: number, c: number, k: number): Float32Array {
  const out = new Float32Array(values.length);
  const before = Math.floor((k - 1) / 2);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) {
        let sum = 0;
        let count = 0;
        for (let dy = 0; dy < k; dy++)
          for (let dx = 0; dx < k; dx++) {
            const yy = y - before + dy;
            const xx = x - before + dx;
            if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue;
            sum += values[(yy * w + xx) * c + ch];
            count++;
          }
        out[(y * w + x) * c + ch] = sum / count;
      }
  return out;
}

describe('compileGraph', () => {
  let startTensors = 0;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
    startTensors = tf.memory().numTensors;
  });
  afterAll(() => expect(tf.memory().numTensors).toBe(startTensors));

  it('builds a model whose parameter counts and output shape match the graph', () => {
    const model = compileGraph(tinyGraph(), { seed: 3 });
    expect(countParams(model)).toEqual({ trainable: 413, nonTrainable: 24 });
    expect(model.outputs[0].shape).toEqual([null, 5]);
    expect(model.getLayer('b1/branch0/conv').name).toBe('b1/branch0/conv');
    expect(model.getLayer('b1/add')).toBeInstanceOf(ScaledResidual);
    model.dispose();
  });

  it('gives the same weights for the same seed and different ones for another seed', () => {
    const weights = (seed: number) => {
      const model = compileGraph(tinyGraph(), { seed });
      const values = model.getLayer('stem/conv').getWeights()[0].dataSync().slice();
      model.dispose();
      return values;
    };
    expect(weights(5)).toEqual(weights(5));
    expect(weights(5)).not.toEqual(weights(6));
  });

  it.each(['wasm', 'cpu'] as const)('averages "same" pools without the padding on %s, like TensorFlow', async (backend) => {
    await selectBackend({ backend });
    const values = seededValues(6 * 7 * 2, 9);
    const model = tf.sequential({ layers: [tf.layers.averagePooling2d({ inputShape: [6, 7, 2], poolSize: 3, strides: 1, padding: 'same' })] });
    const out = tf.tidy(() => (model.predict(tf.tensor4d(values, [1, 6, 7, 2])) as tf.Tensor).dataSync());
    const expected = referenceAvgPoolSame(values, 6, 7, 2, 3);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    model.dispose();
    await selectBackend({ backend: 'wasm' });
  });

  it('computes act(x + scale·r) in ScaledResidual and round-trips its config', () => {
    const layer = new ScaledResidual({ scale: 0.5, activation: 'relu' });
    const out = tf.tidy(() => (layer.apply([tf.tensor1d([1, -3, 2]), tf.tensor1d([2, 2, -8])]) as tf.Tensor).arraySync());
    expect(out).toEqual([2, 0, 0]);
    const config = layer.getConfig();
    expect(config).toMatchObject({ scale: 0.5, activation: 'relu' });
    const restored = tf.serialization.SerializationMap.getMap().classNameMap.ScaledResidual;
    expect(restored).toBeDefined();
  });

  it('maps layer ids that tfjs cannot name reversibly', () => {
    expect(tfjsLayerName('b3/branch1/conv')).toBe('b3/branch1/conv');
    expect(tfjsLayerName('_x/conv')).toBe('L._x/conv');
    expect(layerIdOf(tfjsLayerName('_x/conv'))).toBe('_x/conv');
    expect(layerIdOf('b3/conv')).toBe('b3/conv');
  });

  it('gives every batch norm TF-slim\'s decay 0.9997 and ε 0.001, and normalises with that ε', () => {
    const model = compileGraph(tinyGraph(), { seed: 3 });
    const norms = model.layers.filter((l): l is BatchNorm => l instanceof BatchNorm);
    expect(norms.map((l) => l.name)).toEqual(['stem/conv/bn', 'b1/branch0/conv/bn']);
    for (const norm of norms) expect([norm.momentum, norm.epsilon]).toEqual([0.9997, 0.001]);
    // γ 1, β 0, moving mean 0 and moving variance 0: inference divides by √ε alone.
    const norm = model.getLayer('b1/branch0/conv/bn');
    const [gamma, beta, mean, variance] = norm.getWeights();
    tf.tidy(() => norm.setWeights([tf.onesLike(gamma), tf.zerosLike(beta), tf.zerosLike(mean), tf.zerosLike(variance)]));
    const out = tf.tidy(() => (norm.apply(tf.ones([1, 1, 1, 4])) as tf.Tensor).dataSync());
    expect(out[0]).toBeCloseTo(1 / Math.sqrt(0.001), 3);
    model.dispose();
  });

  it('refuses a graph without an output or with a dangling input, naming the layer', () => {
    expect(() => compileGraph({ ...tinyGraph(), output: null })).toThrow(GraphCompileError);
    const graph = tinyGraph();
    const broken = { ...graph, layers: graph.layers.map((l) => (l.id === 'b1/concat' ? { ...l, inputs: ['b1/branch0/conv', 'nowhere'] } : l)) };
    expect(() => compileGraph(broken)).toThrow(/Layer 'b1\/concat': input 'nowhere'/);
  });
});
