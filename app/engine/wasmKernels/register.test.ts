import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { broadcastBatchNormGradient } from './batchNormGradient';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { registerWasmTrainingKernels } from './register';

// The kernels register() wraps: the input gradients, the sharing copies and the SAME-padded convolutions.
const wrapped = [tf.Conv2DBackpropInput, tf.AvgPoolGrad, tf.MaxPoolGrad, tf.Identity, tf.Cast, tf.Conv2D, tf.FusedConv2D, tf.DepthwiseConv2dNative, tf.FusedDepthwiseConv2D];
const wasmKernel = (name: string): tf.KernelFunc | undefined => tf.getKernel(name, 'wasm')?.kernelFunc;

// Its own file: registration happens once per process, and this one must come first.
describe('registerWasmTrainingKernels', () => {
  it('wraps each kernel once, registers the BatchNorm gradient, and keeps a filter gradient tfjs already has', () => {
    const tfjsOwn: tf.KernelConfig = { kernelName: tf.Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: () => ({ dataId: {}, shape: [], dtype: 'float32' }) };
    tf.registerKernel(tfjsOwn);
    const originals = wrapped.map(wasmKernel);
    registerWasmTrainingKernels();
    const first = wrapped.map(wasmKernel);
    first.forEach((kernel, i) => {
      expect(kernel).toBeDefined();
      expect(kernel).not.toBe(originals[i]);
    });
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBe(tfjsOwn);
    expect(tf.getGradient(tf.FusedBatchNorm)).toBe(broadcastBatchNormGradient);
    registerWasmTrainingKernels();
    wrapped.forEach((name, i) => expect(wasmKernel(name)).toBe(first[i]));
  });

  // Leave the registry as a registration without the stand-in would have.
  afterAll(() => {
    tf.unregisterKernel(tf.Conv2DBackpropFilter, 'wasm');
    tf.registerKernel(conv2dBackpropFilterWasm);
  });
});
