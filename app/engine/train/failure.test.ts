import { describe, expect, it } from 'vitest';
import { WebGpuError } from '../backends/webgpu';
import { DatasetError } from '../data/types';
import { describeFailure } from './failure';

describe('describeFailure', () => {
  it('explains running out of memory and points at the kept checkpoint', () => {
    const message = describeFailure(new RangeError('Array buffer allocation failed'), '/runs/a/checkpoints/last');
    expect(message).toMatch(/^Training ran out of memory \(Array buffer allocation failed\)\. Use a smaller batch size/);
    expect(message).toContain('The last checkpoint is kept in /runs/a/checkpoints/last');
    expect(describeFailure(new Error('memory access out of bounds'), null)).toMatch(/ran out of memory/);
  });

  it('names a GPU out of memory, or a tensor too large for its buffers, with the batch to use', () => {
    const advice = 'Use batch 12 or smaller (--batch 12), the largest that fits 8.0 GiB as stated by the estimate.';
    expect(describeFailure(new WebGpuError('WebGPU out-of-memory error: Allocation failed', 'out-of-memory'), '/c', advice)).toBe(
      `Training ran out of memory (WebGPU out-of-memory error: Allocation failed). ${advice} The last checkpoint is kept in /c; resume from it after the fix.`,
    );
    const tooLarge = new WebGpuError('WebGPU validation error: Buffer size (4294967296) exceeds the max buffer size limit (2147483648).', 'validation');
    expect(describeFailure(tooLarge, null, advice)).toMatch(/^Training ran out of memory .* Use batch 12 or smaller/);
  });

  it('does not trust a step after any other WebGPU failure, and says what to do', () => {
    const invalid = new WebGpuError('WebGPU validation error: Invalid ComputePipeline', 'validation');
    expect(describeFailure(invalid, '/c')).toMatch(/^A WebGPU kernel failed \(WebGPU validation error: Invalid ComputePipeline\); the step's results are not trusted\. .*--backend wasm.* The last checkpoint is kept in \/c/);
    expect(describeFailure(new WebGpuError('the GPU device was lost (reset)', 'device-lost'), '/c')).toBe('Training failed: the GPU device was lost (reset). The last checkpoint is kept in /c; resume from it after the fix.');
  });

  it('passes dataset and other failures through with the checkpoint', () => {
    expect(describeFailure(new DatasetError('Dataset not found: /x does not exist.'), null)).toBe('Dataset not found: /x does not exist.');
    expect(describeFailure(new Error('backend lost'), '/c')).toBe('Training failed: backend lost. The last checkpoint is kept in /c; resume from it after the fix.');
  });
});
