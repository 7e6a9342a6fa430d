import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../training/defaults';
import type { BackendReport, BackendStatus } from '../../protocol';
import { buildPreset } from '../../presets/index';
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
