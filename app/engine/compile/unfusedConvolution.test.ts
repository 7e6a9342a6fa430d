import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { convolveUnfused } from './unfusedConvolution';

/** A 3×2 kernel, strides 2 × 1, on a non-square image: swapped axes would show. */
function convolution(unfused: boolean): tf.layers.Layer {
  const layer = tf.layers.conv2d({ filters: 4, kernelSize: [3, 2], strides: [2, 1], padding: 'same', useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) });
  if (unfused) convolveUnfused(layer);
  return layer;
}

/** The kernels a gradient of the layer's output (weighted, so every position counts differently) runs, and its values. */
function gradientOf(layer: tf.layers.Layer, images: tf.Tensor4D): { kernels: string[]; output: number[]; gradient: number[] } {
  const out = layer.apply(images) as tf.Tensor;
  const weights = tf.range(0, out.size).reshape(out.shape).div(out.size);
  const kernel = layer.trainableWeights[0].read() as tf.Variable;
  const kernels: string[] = [];
  const engine = tf.engine() as unknown as { runKernel: (name: string, ...rest: unknown[]) => unknown };
  const run = engine.runKernel;
  engine.runKernel = (name, ...rest) => {
    kernels.push(name);
    return run.call(engine, name, ...rest);
  };
  try {
    const { grads } = tf.variableGrads(() => (layer.apply(images) as tf.Tensor).mul(weights).sum() as tf.Scalar, [kernel]);
    return { kernels, output: Array.from(out.dataSync()), gradient: Array.from(grads[kernel.name].dataSync()) };
  } finally {
    engine.runKernel = run;
  }
}

describe.each(['cpu', 'wasm'] as const)('a convolution without bias or activation, on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('gives the fused layer its values and filter gradient, bit for bit, and skips the gradient of its input', () => {
    const images = tf.randomNormal([2, 7, 5, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
    const fused = gradientOf(convolution(false), images);
    const unfused = gradientOf(convolution(true), images);
    expect(unfused.output).toEqual(fused.output);
    expect(unfused.gradient).toEqual(fused.gradient);
    expect(fused.kernels).toContain('Conv2DBackpropInput');
    expect(unfused.kernels).not.toContain('Conv2DBackpropInput');
    expect(unfused.kernels).toContain('Conv2DBackpropFilter');
  });

  it('refuses a convolution with bias or activation, which keeps the fused kernel', () => {
    expect(() => convolveUnfused(tf.layers.conv2d({ name: 'with_bias', filters: 2, kernelSize: 3, useBias: true }))).toThrow('with_bias: a convolution with bias keeps the fused kernel');
    expect(() => convolveUnfused(tf.layers.conv2d({ name: 'with_relu', filters: 2, kernelSize: 3, useBias: false, activation: 'relu' }))).toThrow('with_relu: a convolution with activation relu keeps the fused kernel');
  });
});
