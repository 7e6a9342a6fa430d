import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { seededValues } from '../testing/seededData';
import { tinyGraph } from '../testing/tinyGraph';
import { compileGraph } from './compileGraph';
import { GraphCompileError } from './errors';
import type { LayerGraph } from '../../layers/types';
import { graphOf, INPUT_LAYER, layer } from '../testing/layerGraphs';
import { BatchNorm } from './batchNorm';
import { ScaledResidual } from './scaledResidual';
import { onWasmWithoutLeaks } from '../testing/wasmWithoutLeaks';

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

const relu = (id: string, input = 'input') => layer(id, { kind: 'activation', params: { fn: 'relu' } }, [input]);

function refusalOf(graph: LayerGraph): unknown {
  try {
    compileGraph(graph).dispose();
  } catch (error) {
    return error;
  }
  return null;
}

/** Every initial weight of the compiled graph, by weight name. */
function initialWeights(graph: LayerGraph, seed: number): Record<string, number[]> {
  const model = compileGraph(graph, { seed });
  const weights = Object.fromEntries(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));
  model.dispose();
  return weights;
}

describe('compileGraph', () => {
  onWasmWithoutLeaks();

  it('builds a model whose parameter counts and output shape match the graph', () => {
    const model = compileGraph(tinyGraph(), { seed: 3 });
    expect(countParams(model)).toEqual({ trainable: 413, nonTrainable: 24 });
    expect(model.outputs[0].shape).toEqual([null, 5]);
    expect(model.getLayer('b1/branch0/conv').name).toBe('b1/branch0/conv');
    expect(model.getLayer('b1/add')).toBeInstanceOf(ScaledResidual);
    model.dispose();
  });

  it('gives the same weights for the same seed and different ones for another seed', () => {
    expect(initialWeights(tinyGraph(), 5)).toEqual(initialWeights(tinyGraph(), 5));
    const [five, six] = [initialWeights(tinyGraph(), 5), initialWeights(tinyGraph(), 6)];
    for (const kernel of ['stem/conv/kernel', 'b1/branch0/conv/kernel', 'b1/up/kernel', 'logits/kernel']) expect(five[kernel], kernel).not.toEqual(six[kernel]);
  });

  it('gives layers of the same shape different initial weights', () => {
    const dense = (id: string, input: string) => layer(id, { kind: 'dense', params: { units: 4, activation: 'relu', bias: true } }, [input]);
    const weights = initialWeights(graphOf([1, 1, 4], [layer('f', { kind: 'flatten', params: {} }), dense('d1', 'f'), dense('d2', 'd1')]), 1);
    expect(weights['d1/kernel']).not.toEqual(weights['d2/kernel']);
  });

  it("records each layer's seed, from the compile seed and the layer's position, in 31 bits", () => {
    const seeds = (seed: number): Record<string, unknown> => {
      const model = compileGraph(tinyGraph(), { seed });
      const config = (name: string) => model.getLayer(name).getConfig() as { seed?: number; kernelInitializer?: { config: { seed: number } } };
      const recorded = Object.fromEntries(['stem/conv', 'b1/branch0/conv', 'b1/up', 'drop', 'logits'].map((name) => [name, config(name).kernelInitializer?.config.seed ?? config(name).seed]));
      model.dispose();
      return recorded;
    };
    expect(seeds(3)).toEqual({ 'stem/conv': 128486, 'b1/branch0/conv': 233215, 'b1/up': 547402, drop: 861589, logits: 966318 });
    expect(seeds(4e9)).toEqual({ 'stem/conv': 616311479, 'b1/branch0/conv': 616416208, 'b1/up': 616730395, drop: 617044582, logits: 617149311 });
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

  it.each<[string, LayerGraph, string]>([
    ['no output layer', { ...tinyGraph(), output: null }, 'The network has no output layer.'],
    ['no input layer', { input: [4, 4, 2], layers: [], output: 'softmax' }, 'The network has no input layer.'],
    ['an output that is not in the graph', { ...graphOf([4, 4, 2], [relu('r')]), output: 'nowhere' }, "The output layer 'nowhere' is not in the graph."],
    ['two layers with one id', graphOf([4, 4, 2], [relu('r'), relu('r', 'r')]), "Layer 'r': the id is used by two layers"],
    ['an input that is not an earlier layer', { input: [4, 4, 2], layers: [relu('r'), INPUT_LAYER], output: 'r' }, "Layer 'r': input 'input' is not an earlier layer"],
    ['a dangling input', { ...tinyGraph(), layers: tinyGraph().layers.map((l) => (l.id === 'b1/concat' ? { ...l, inputs: ['b1/branch0/conv', 'nowhere'] } : l)) }, "Layer 'b1/concat': input 'nowhere' is not an earlier layer"],
  ])('refuses a graph with %s', (_name, graph, message) => {
    const refusal = refusalOf(graph);
    expect(refusal).toBeInstanceOf(GraphCompileError);
    expect((refusal as Error).message).toBe(message);
  });

  it('frees the weights of every layer built before a failure, sub-layers included', () => {
    const graph = tinyGraph();
    const tooManyInputs = { ...graph, layers: graph.layers.map((l) => (l.id === 'softmax' ? { ...l, inputs: ['logits', 'pool'] } : l)) };
    const before = tf.memory().numTensors;
    expect(() => compileGraph(tooManyInputs)).toThrow("Layer 'softmax': expects 1 input, got 2");
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the model inception unless told otherwise', () => {
    const unnamed = compileGraph(tinyGraph());
    const named = compileGraph(tinyGraph(), { name: 'mine' });
    expect([unnamed.name, named.name]).toEqual(['inception', 'mine']);
    unnamed.dispose();
    named.dispose();
  });
});
