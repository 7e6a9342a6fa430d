import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import type { BackendReport, BackendStatus } from '../../protocol';
import { buildPreset } from '../../presets/index';
import { analyze } from '../../analysis/analyze';
import { TRAINING_ACTIVATION_FACTOR } from '../../analysis/memoryEstimate';
import { memoryAdvice } from './memoryAdvice';

const design = buildPreset('inception-v4', { input: 299, classes: 1000 });
const report = (status: BackendStatus): BackendReport => ({ active: status.name, device: 'test', backends: [status] });
const GiB = 2 ** 30;

describe('memoryAdvice', () => {
  it('names the largest batch that fits the memory the user states for a WebGPU GPU', () => {
    const webgpu = report({ name: 'webgpu', available: true, gpu: { name: 'GPU', maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 2 * GiB } });
    const advice = memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), webgpu, 8 * GiB);
    expect(advice.estimate.fits).toBe(false);
    expect(advice.estimate.largestBatch).toBeGreaterThan(0);
    expect(advice.suggestion).toBe(`Use batch ${advice.estimate.largestBatch} or smaller (--batch ${advice.estimate.largestBatch}), the largest that fits 8.0 GiB as stated by the estimate.`);
  });

  it('asks for the memory when WebGPU cannot tell it and the buffers do not bind', () => {
    const webgpu = report({ name: 'webgpu', available: true, gpu: { name: 'GPU', maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 2 * GiB } });
    const advice = memoryAdvice(design, resolveTrainConfig({ batchSize: 32 }), webgpu);
    expect(advice.estimate.fits).toBe(true);
    expect(advice.suggestion).toBe("Use a smaller batch (--batch 16), and state the GPU's memory (--memory GiB) for an estimate.");
  });

  it('uses the memory TensorFlow reports for its GPU, and the heap on wasm whatever was stated', () => {
    const cuda = report({ name: 'tensorflow-gpu', available: true, gpu: { name: 'RTX', memoryBytes: 10 * GiB } });
    expect(memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), cuda).suggestion).toMatch(/the largest that fits 10\.0 GiB by the estimate\.$/);
    const wasm = report({ name: 'wasm', available: true });
    expect(memoryAdvice(design, resolveTrainConfig({ batchSize: 8 }), wasm, 64 * GiB).suggestion).toMatch(/^Use batch [1-3] or smaller .* the largest that fits 4\.0 GiB by the estimate\.$/);
  });
});

describe('memoryAdvice for a GPU that tells only its buffer limits', () => {
  const activation = analyze(design).totals.largestActivationBytes;
  /** The active WebGPU listed after wasm, as the selection reports them, with room for `images` of the largest layer output in one buffer. */
  const webgpuFitting = (images: number): BackendReport => ({
    active: 'webgpu',
    device: 'test',
    backends: [
      { name: 'wasm', available: true },
      { name: 'webgpu', available: true, gpu: { name: 'GPU', maxBufferSize: 8 * GiB, maxStorageBufferBindingSize: images * activation + 1 } },
    ],
  });

  it('names the batch the largest buffer holds', () => {
    const advice = memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), webgpuFitting(5));
    expect(advice.estimate).toMatchObject({ largestBatch: 5, limitedBy: 'buffer', fits: false });
    expect(advice.estimate.warning).toMatch(/^Batch 64 will not fit: one layer's output takes/);
    expect(advice.suggestion).toBe('Use batch 5 or smaller (--batch 5), the largest that fits the largest GPU buffer by the estimate.');
  });

  it('names batch 1 when only one image fits', () => {
    expect(memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), webgpuFitting(1)).suggestion).toBe('Use batch 1 or smaller (--batch 1), the largest that fits the largest GPU buffer by the estimate.');
  });

  it('halves the batch when not even one image fits, or when the batch already fits exactly', () => {
    const halve = "Use a smaller batch (--batch 32), and state the GPU's memory (--memory GiB) for an estimate.";
    const none = memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), webgpuFitting(0));
    expect(none.estimate.largestBatch).toBe(0);
    expect(none.suggestion).toBe(halve);
    const exact = memoryAdvice(design, resolveTrainConfig({ batchSize: 64 }), webgpuFitting(64));
    expect(exact.estimate).toMatchObject({ largestBatch: 64, fits: true });
    expect(exact.suggestion).toBe(halve);
  });
});

describe('memoryAdvice when memory is known', () => {
  it('halves the batch (never below 1) without asking for the memory', () => {
    const cuda = report({ name: 'tensorflow-gpu', available: true, gpu: { name: 'RTX', memoryBytes: 10 * GiB } });
    expect(memoryAdvice(design, resolveTrainConfig({ batchSize: 4 }), cuda).suggestion).toBe('Use a smaller batch (--batch 2).');
    expect(memoryAdvice(design, resolveTrainConfig({ batchSize: 1 }), cuda).suggestion).toBe('Use a smaller batch (--batch 1).');
  });

  it('counts the input image, held twice while decoded, besides the activations of every image', () => {
    const wasm = memoryAdvice(design, resolveTrainConfig({ batchSize: 1 }), report({ name: 'wasm', available: true }));
    const activations = analyze(design).totals.activationBytes * TRAINING_ACTIVATION_FACTOR;
    expect(wasm.estimate.perImageBytes - activations).toBe(2 * 299 * 299 * 3 * 4);
  });
});
