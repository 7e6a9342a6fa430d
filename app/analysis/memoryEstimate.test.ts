import { describe, expect, it } from 'vitest';
import { buildPreset } from '../presets/index';
import { analyze } from './analyze';
import { estimateTrainingMemory, optimizerSlots, TRAINING_ACTIVATION_FACTOR, WASM_HEAP_BYTES, type TrainingMemoryInput } from './memoryEstimate';

const MB = 1024 ** 2;
const base: TrainingMemoryInput = {
  totals: { trainable: 1_000_000, nonTrainable: 1_000, activationBytes: 10 * MB, largestActivationBytes: 2 * MB },
  input: [75, 75, 3],
  optimizer: 'rmsprop',
  momentum: 0.9,
  emaDecay: 0.9999,
  batchSize: 8,
  availableBytes: 4096 * MB,
};

describe('estimateTrainingMemory', () => {
  it('adds a per-image part for activations and a fixed part for weights and optimizer state', () => {
    const estimate = estimateTrainingMemory(base);
    expect(estimate.perImageBytes).toBe(10 * MB * TRAINING_ACTIVATION_FACTOR + 2 * 75 * 75 * 3 * 4);
    // weights + gradients + 2 RMSProp slots + moving average, 4 bytes each; BN statistics once.
    expect(estimate.fixedBytes).toBe(1_000_000 * 4 * 5 + 1_000 * 4);
    expect(estimate.totalBytes).toBe(estimate.fixedBytes + 8 * estimate.perImageBytes);
    expect(estimate.fits).toBe(true);
    expect(estimate.warning).toBeNull();
  });

  it('finds the largest batch that fits and warns when the chosen one does not', () => {
    const estimate = estimateTrainingMemory({ ...base, batchSize: 64 });
    const { largestBatch, perImageBytes, fixedBytes } = estimate;
    expect(fixedBytes + largestBatch * perImageBytes).toBeLessThanOrEqual(base.availableBytes);
    expect(fixedBytes + (largestBatch + 1) * perImageBytes).toBeGreaterThan(base.availableBytes);
    expect(estimate.fits).toBe(false);
    expect(estimate.warning).toContain(`largest batch that does is ${largestBatch}`);
  });

  it('counts a copy of the weights and gradients per replica and gives each replica its heap for its share', () => {
    const one = estimateTrainingMemory({ ...base, batchSize: 64 });
    const two = estimateTrainingMemory({ ...base, batchSize: 64, replicas: 2 });
    expect(two.totalBytes).toBe(one.totalBytes + 1_000_000 * 4 * 2 + 1_000 * 4);
    expect(two.largestBatch).toBe(2 * one.largestBatch);
    expect(estimateTrainingMemory({ ...base, batchSize: 2 * one.largestBatch, replicas: 2 }).fits).toBe(true);
    expect(estimateTrainingMemory({ ...base, batchSize: 2 * one.largestBatch + 1, replicas: 2 }).fits).toBe(false);
  });

  it('says so when not even one image fits', () => {
    const estimate = estimateTrainingMemory({ ...base, availableBytes: 50 * MB });
    expect(estimate.largestBatch).toBe(0);
    expect(estimate.warning).toMatch(/Not even one image/);
  });

  it('caps the batch by the largest single GPU buffer when that binds first, and says so', () => {
    const roomy = estimateTrainingMemory({ ...base, batchSize: 16, maxTensorBytes: 1024 * MB });
    expect(roomy).toMatchObject({ fits: true, limitedBy: 'memory', warning: null });
    const estimate = estimateTrainingMemory({ ...base, batchSize: 16, maxTensorBytes: 20 * MB });
    expect(estimate).toMatchObject({ fits: false, largestBatch: 10, limitedBy: 'buffer' });
    expect(estimate.totalBytes).toBeLessThan(base.availableBytes);
    expect(estimate.warning).toBe("Batch 16 will not fit: one layer's output takes 2 MiB per image and the GPU holds at most 20 MiB in one buffer, so the largest batch is 10. Lower the batch size (and the learning rate with it).");
    expect(estimateTrainingMemory({ ...base, batchSize: 10, maxTensorBytes: 20 * MB }).fits).toBe(true);
    expect(estimateTrainingMemory({ ...base, maxTensorBytes: MB }).warning).toMatch(/^Not even one image fits: one layer's output takes 2 MiB/);
  });

  it('counts optimizer slots per optimizer', () => {
    expect(optimizerSlots('adam', 0)).toBe(2);
    expect(optimizerSlots('rmsprop', 0)).toBe(1);
    expect(optimizerSlots('sgd', 0.9)).toBe(1);
    expect(optimizerSlots('sgd', 0)).toBe(0);
  });

  it('matches the measured limit: Inception-v4 at 299×299 trains batch 2 but not batch 4 in the 4 GiB wasm heap', () => {
    const analysis = analyze(buildPreset('inception-v4'));
    const estimate = estimateTrainingMemory({ ...base, totals: analysis.totals, input: [299, 299, 3], batchSize: 4, availableBytes: WASM_HEAP_BYTES });
    expect(estimate.fits).toBe(false);
    expect(estimate.largestBatch).toBeGreaterThanOrEqual(1);
    expect(estimate.largestBatch).toBeLessThan(4);
    // About 1.3 GB per image was measured with TensorFlow.js.
    expect(estimate.perImageBytes / 1e9).toBeGreaterThan(1);
    expect(estimate.perImageBytes / 1e9).toBeLessThan(1.6);
  });
});

describe('estimateTrainingMemory at its limits', () => {
  // One 1×1×1 image: 4 input bytes twice, plus 1 activation byte times the factor.
  const perImage = TRAINING_ACTIVATION_FACTOR + 2 * 4;
  const tiny: TrainingMemoryInput = {
    totals: { trainable: 5, nonTrainable: 0, activationBytes: 1, largestActivationBytes: 1 },
    input: [1, 1, 1],
    optimizer: 'sgd',
    momentum: 0,
    emaDecay: 0,
    batchSize: 10,
    availableBytes: 5 * 4 * 2 + 10 * perImage,
  };

  it('keeps a moving-average copy of the weights only when the decay is above zero', () => {
    expect(estimateTrainingMemory(tiny).fixedBytes).toBe(5 * 4 * 2);
    expect(estimateTrainingMemory({ ...tiny, emaDecay: 0.5 }).fixedBytes).toBe(5 * 4 * 3);
  });

  it('fits a batch that fills the memory exactly, and not one image more', () => {
    expect(estimateTrainingMemory(tiny)).toMatchObject({ perImageBytes: perImage, fits: true, largestBatch: 10, warning: null });
    expect(estimateTrainingMemory({ ...tiny, batchSize: 11 })).toMatchObject({ fits: false, largestBatch: 10, limitedBy: 'memory' });
  });

  it('blames the memory, not the buffer, when both allow the same batch', () => {
    const tie = estimateTrainingMemory({ ...tiny, batchSize: 11, maxTensorBytes: 10 });
    expect(tie).toMatchObject({ fits: false, largestBatch: 10, limitedBy: 'memory' });
    expect(tie.warning).toBe('Batch 11 will not fit: the largest batch that does is 10. Lower the batch size (and the learning rate with it) or use a backend with more memory.');
    expect(estimateTrainingMemory({ ...tiny, batchSize: 11, maxTensorBytes: 9 }).limitedBy).toBe('buffer');
  });
});
