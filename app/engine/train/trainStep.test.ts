import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import { selectBackend } from '../backends/select';
import { createOptimizer } from './optimizer';
import { trainableModel, trainStep } from './trainStep';

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
});

/** 4×4×1 → conv → batch norm → pooling → 3 classes: kernels, biases and batch-norm weights. */
function smallModel(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 1] });
  const conv = tf.layers.conv2d({ filters: 2, kernelSize: 3, useBias: true, name: 'conv' }).apply(input) as tf.SymbolicTensor;
  const norm = tf.layers.batchNormalization({ name: 'bn' }).apply(conv) as tf.SymbolicTensor;
  const pooled = tf.layers.globalAveragePooling2d({}).apply(norm) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 3, activation: 'softmax', name: 'dense' }).apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const batch = { pixels: Float32Array.from({ length: 2 * 16 }, (_, i) => (i % 7) / 7), labels: Int32Array.from([0, 2]), size: 2 };

describe('trainableModel', () => {
  it('decays the kernels only: not biases, nor batch-norm scales and offsets', () => {
    const net = trainableModel(smallModel(), 3);
    expect(net.input).toEqual([4, 4, 1]);
    expect(net.variables).toHaveLength(6);
    expect(net.kernels.map((k) => k.name)).toEqual(net.variables.filter((v) => /kernel/.test(v.name)).map((v) => v.name));
    expect(net.kernels).toHaveLength(2);
    net.model.dispose();
  });
});

describe('trainStep', () => {
  it('moves the weights, reports the batch, and leaves no tensors behind', async () => {
    const net = trainableModel(smallModel(), 3);
    const config = resolveTrainConfig({ optimizer: 'sgd', momentum: 0, learningRate: 0.1, labelSmoothing: 0 });
    const optimizer = createOptimizer(config);
    const before = net.variables.map((v) => Array.from(v.dataSync()));
    const tensors = tf.memory().numTensors;
    const outcome = await trainStep(net, optimizer, config, batch);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(outcome.loss).toBeGreaterThan(0);
    expect(outcome.top5Correct).toBe(2);
    expect([0, 1, 2]).toContain(outcome.top1Correct);
    expect(outcome.gradientNorm).toBeGreaterThan(0);
    expect(net.variables.map((v) => Array.from(v.dataSync()))).not.toEqual(before);
    optimizer.dispose();
    net.model.dispose();
  });
});
