import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dParams } from '../../layers/testing/conv2dParams';
import type { Conv2dParams, Layer, Shape } from '../../layers/types';
import { selectBackend } from '../backends/select';
import { callsOf, kernelCalls } from '../testing/kernelCalls';
import { graphOf, layer } from '../testing/layerGraphs';
import { compileGraph } from './compileGraph';
import { GraphCompileError } from './errors';
import { onWasmWithoutLeaks } from '../testing/wasmWithoutLeaks';

/** What a compiled tfjs layer is: its class, name, the config entries a test names, weight shapes. */
interface CompiledLayer {
  className: string;
  name: string;
  config: tf.serialization.ConfigDict;
  weights: number[][];
}

/** The layers `input → layers…` compiles to (the input layer left out), and the output shape. */
function compiled(input: Shape, layers: Layer[]): { layers: CompiledLayer[]; output: tf.Shape } {
  const model = compileGraph(graphOf(input, layers));
  try {
    return {
      layers: model.layers.slice(1).map((l) => ({ className: l.getClassName(), name: l.name, config: l.getConfig(), weights: l.weights.map((w) => [...w.shape] as number[]) })),
      output: model.outputs[0].shape,
    };
  } finally {
    model.dispose();
  }
}

/** 3×1 kernel, strides 2×1, 'same', 5 filters on 8×7×3: swapped height and width would show. */
const conv = (over: Partial<Conv2dParams>): Layer => layer('c', { kind: 'conv2d', params: conv2dParams({ filters: 5, kernel: [3, 1], strides: [2, 1], padding: 'same', ...over }) });

const convolution = (activation: string, useBias: boolean): CompiledLayer =>
  ({ className: 'Conv2D', name: 'c', config: { filters: 5, kernelSize: [3, 1], strides: [2, 1], padding: 'same', useBias, activation }, weights: useBias ? [[3, 1, 3, 5], [5]] : [[3, 1, 3, 5]] }) as CompiledLayer;
const batchNorm = (scale: boolean): CompiledLayer =>
  ({ className: 'InceptionStudioBatchNorm', name: 'c/bn', config: { scale, center: true, momentum: 0.9997, epsilon: 0.001 }, weights: scale ? [[5], [5], [5], [5]] : [[5], [5], [5]] }) as CompiledLayer;
const activation = (name: string, fn: string): CompiledLayer => ({ className: 'Activation', name, config: { activation: fn }, weights: [] });

describe('compiling each layer kind', () => {
  onWasmWithoutLeaks();

  it.each<[string, Partial<Conv2dParams>, CompiledLayer[]]>([
    ['batch norm, then a separate relu', { batchNorm: true, activation: 'relu' }, [convolution('linear', false), batchNorm(false), activation('c/act', 'relu')]],
    ['batch norm with gamma, then a separate sigmoid', { batchNorm: true, bnGamma: true, activation: 'sigmoid' }, [convolution('linear', false), batchNorm(true), activation('c/act', 'sigmoid')]],
    ['batch norm and linear: no activation layer', { batchNorm: true, activation: 'linear' }, [convolution('linear', false), batchNorm(false)]],
    ['no batch norm: relu fused into the convolution', { batchNorm: false, bias: true, activation: 'relu' }, [convolution('relu', true)]],
    ['no batch norm, linear: the convolution alone', { batchNorm: false, bias: true, activation: 'linear' }, [convolution('linear', true)]],
    ['softmax is never fused (it is over channels, after the bias)', { batchNorm: false, bias: true, activation: 'softmax' }, [convolution('linear', true), activation('c/act', 'softmax')]],
  ])('conv2d with %s', (_name, params, expected) => {
    expect(compiled([8, 7, 3], [conv(params)])).toMatchObject({ layers: expected, output: [null, 4, 7, 5] });
  });

  it.each<[string, Shape, Layer[], CompiledLayer[], tf.Shape]>([
    [
      'max pool, 3×2 window, strides 2×1, valid',
      [8, 6, 4],
      [layer('p', { kind: 'maxPool', params: { pool: [3, 2], strides: [2, 1], padding: 'valid' } })],
      [{ className: 'MaxPooling2D', name: 'p', config: { poolSize: [3, 2], strides: [2, 1], padding: 'valid' }, weights: [] }],
      [null, 3, 5, 4],
    ],
    [
      'average pool, 2×3 window, strides 1×2, same',
      [8, 6, 4],
      [layer('p', { kind: 'avgPool', params: { pool: [2, 3], strides: [1, 2], padding: 'same' } })],
      [{ className: 'AveragePooling2D', name: 'p', config: { poolSize: [2, 3], strides: [1, 2], padding: 'same' }, weights: [] }],
      [null, 8, 3, 4],
    ],
    [
      'concatenation over channels',
      [8, 6, 4],
      [layer('t', { kind: 'activation', params: { fn: 'tanh' } }), layer('cat', { kind: 'concat', params: {} }, ['t', 'input'])],
      [activation('t', 'tanh'), { className: 'Concatenate', name: 'cat', config: { axis: -1 }, weights: [] }],
      [null, 8, 6, 8],
    ],
    [
      'scaled residual addition with its activation',
      [8, 6, 4],
      [layer('t', { kind: 'activation', params: { fn: 'sigmoid' } }), layer('add', { kind: 'residualAdd', params: { scale: 0.25, activation: 'tanh' } }, ['input', 't'])],
      [activation('t', 'sigmoid'), { className: 'ScaledResidual', name: 'add', config: { scale: 0.25, activation: 'tanh' }, weights: [] }],
      [null, 8, 6, 4],
    ],
    ['dropout', [8, 6, 4], [layer('d', { kind: 'dropout', params: { rate: 0.3 } })], [{ className: 'Dropout', name: 'd', config: { rate: 0.3 }, weights: [] }], [null, 8, 6, 4]],
    ['global average pool', [8, 6, 4], [layer('g', { kind: 'globalAvgPool', params: {} })], [{ className: 'GlobalAveragePooling2D', name: 'g', config: {}, weights: [] }], [null, 4]],
    ['flatten', [8, 6, 4], [layer('f', { kind: 'flatten', params: {} })], [{ className: 'Flatten', name: 'f', config: {}, weights: [] }], [null, 192]],
    [
      'dense without bias, sigmoid',
      [2, 3, 4],
      [layer('f', { kind: 'flatten', params: {} }), layer('d', { kind: 'dense', params: { units: 6, activation: 'sigmoid', bias: false } }, ['f'])],
      [
        { className: 'Flatten', name: 'f', config: {}, weights: [] },
        { className: 'Dense', name: 'd', config: { units: 6, activation: 'sigmoid', useBias: false }, weights: [[24, 6]] },
      ],
      [null, 6],
    ],
    [
      'dense with bias, linear',
      [2, 3, 4],
      [layer('g', { kind: 'globalAvgPool', params: {} }), layer('d', { kind: 'dense', params: { units: 6, activation: 'linear', bias: true } }, ['g'])],
      [
        { className: 'GlobalAveragePooling2D', name: 'g', config: {}, weights: [] },
        { className: 'Dense', name: 'd', config: { units: 6, activation: 'linear', useBias: true }, weights: [[4, 6], [6]] },
      ],
      [null, 6],
    ],
    ['softmax', [8, 6, 4], [layer('s', { kind: 'softmax', params: {} })], [activation('s', 'softmax')], [null, 8, 6, 4]],
  ])('%s', (_name, input, layers, expected, output) => {
    expect(compiled(input, layers)).toMatchObject({ layers: expected, output });
  });

  it('initialises weights with seeded Glorot uniform and biases with zeros', () => {
    const model = compileGraph(graphOf([2, 2, 3], [conv({ batchNorm: false, bias: true, kernel: [1, 1], strides: [1, 1] }), layer('g', { kind: 'globalAvgPool', params: {} }, ['c']), layer('d', { kind: 'dense', params: { units: 4, activation: 'linear', bias: true } }, ['g'])]), { seed: 9 });
    for (const name of ['c', 'd']) {
      const { kernelInitializer, biasInitializer } = model.getLayer(name).getConfig() as Record<string, { className: string; config: Record<string, unknown> }>;
      expect(kernelInitializer).toMatchObject({ className: 'VarianceScaling', config: { scale: 1, mode: 'fanAvg', distribution: 'uniform', seed: expect.any(Number) } });
      expect(biasInitializer.className).toBe('Zeros');
    }
    model.dispose();
  });
});

describe('the convolution that reads the images', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  /** Kernels of one prediction of `input → first → second`, the second a batch-normed 1×1 convolution (which keeps the fused kernel). */
  function convolutionKernels(first: Partial<Conv2dParams>): Record<string, number> {
    const second = layer('c2', { kind: 'conv2d', params: conv2dParams({ filters: 2, kernel: [1, 1], strides: [1, 1], padding: 'same' }) }, ['c']);
    const model = compileGraph(graphOf([8, 7, 3], [conv(first), second]));
    const images = tf.zeros([1, 8, 7, 3]);
    const { calls } = kernelCalls('wasm', () => tf.dispose(model.predict(images)));
    tf.dispose(images);
    model.dispose();
    return callsOf(calls, { Conv2D: 0, FusedConv2D: 0 });
  }

  const plain = { Conv2D: 1, FusedConv2D: 1 };
  const fused = { Conv2D: 0, FusedConv2D: 2 };
  it.each<[string, Partial<Conv2dParams>, Record<string, number>]>([
    ['without bias, before batch norm and relu, is plain', { batchNorm: true, bias: false, activation: 'relu' }, plain],
    ['without bias or batch norm, linear, is plain', { batchNorm: false, bias: false, activation: 'linear' }, plain],
    ['without bias, with a separate softmax, is plain', { batchNorm: false, bias: false, activation: 'softmax' }, plain],
    ['with a fused relu stays fused', { batchNorm: false, bias: false, activation: 'relu' }, fused],
    ['with a bias stays fused', { batchNorm: true, bias: true, activation: 'relu' }, fused],
  ])('%s', (_name, first, expected) => {
    expect(convolutionKernels(first)).toEqual(expected);
  });
});

describe('refusing layers with the wrong inputs', () => {
  const refusal = (layers: Layer[]): { type: unknown; message: string } => {
    try {
      compileGraph(graphOf([4, 4, 2], layers)).dispose();
    } catch (error) {
      return { type: (error as Error).constructor, message: (error as Error).message };
    }
    return { type: null, message: 'compiled' };
  };
  const relu = layer('r', { kind: 'activation', params: { fn: 'relu' } });

  it.each<[string, Layer[], string]>([
    ['a one-input layer given two', [relu, layer('d', { kind: 'dense', params: { units: 2, activation: 'linear', bias: true } }, ['input', 'r'])], "Layer 'd': expects 1 input, got 2"],
    ['a concatenation given one', [layer('cat', { kind: 'concat', params: {} })], "Layer 'cat': concatenation needs at least 2 inputs, got 1"],
    ['a residual addition given three', [relu, layer('add', { kind: 'residualAdd', params: { scale: 1, activation: 'relu' } }, ['input', 'r', 'r'])], "Layer 'add': residual addition needs 2 inputs (shortcut, residual), got 3"],
    ['a residual addition given one', [layer('add', { kind: 'residualAdd', params: { scale: 1, activation: 'relu' } })], "Layer 'add': residual addition needs 2 inputs (shortcut, residual), got 1"],
    ['a second input layer', [{ id: 'input2', nodeId: 'input2', kind: 'input', params: {}, inputs: [] }], "Layer 'input2': a second input layer is not supported"],
  ])('%s', (_name, layers, message) => {
    expect(refusal(layers)).toEqual({ type: GraphCompileError, message });
  });
});
