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

describe('describeFailure recognises running out of memory', () => {
  const ranOut = (error: unknown): boolean => describeFailure(error, null).startsWith('Training ran out of memory');

  it('in every wording the backends use, in any case', () => {
    const messages = [
      'CUDA error: out of memory',
      'OOM when allocating tensor with shape [64,147,147,64]',
      'RuntimeError: memory access out of bounds',
      'Cannot allocate Wasm memory for new instance',
      'Failed to allocate 2147483648 bytes',
      'Array buffer allocation failed',
      'RangeError: Invalid typed array length: 4294967296',
      'RangeError: Array buffer allocation failed',
      'Out Of Memory',
    ];
    for (const message of messages) expect(ranOut(new Error(message)), message).toBe(true);
    expect(ranOut('RangeError: Invalid array length')).toBe(true);
  });

  it('by the error name when the message does not say it', () => {
    expect(ranOut(Object.assign(new Error('could not get 2 GB'), { name: 'OOMError' }))).toBe(true);
    expect(ranOut(new Error('could not get 2 GB'))).toBe(false);
  });

  it('but not from other failures that mention memory or ranges', () => {
    for (const message of ['memory estimate exceeded the warning level', 'RangeError in the schedule', 'Invalid typed array length']) {
      expect(ranOut(new Error(message)), message).toBe(false);
    }
  });

  it('from a WebGPU validation error about a buffer over the device limit, in each wording', () => {
    const tooLarge = [
      'WebGPU validation error: Buffer size (4294967296) exceeds the max buffer size limit (2147483648).',
      'WebGPU validation error: Binding size (3000000000) exceeds the maximum storage buffer binding size (2147483644).',
      'WebGPU validation error: Binding size (3000000000) is larger than the maximum binding size (2147483644).',
    ];
    for (const message of tooLarge) expect(ranOut(new WebGpuError(message, 'validation')), message).toBe(true);
  });

  it('only from a validation error: another WebGPU failure naming a buffer size is a kernel failure', () => {
    const internal = new WebGpuError('WebGPU internal error: Buffer size (4294967296) exceeds the max buffer size limit.', 'internal');
    expect(describeFailure(internal, null)).toMatch(/^A WebGPU kernel failed/);
    expect(ranOut(new WebGpuError('WebGPU validation error: Buffer is destroyed', 'validation'))).toBe(false);
  });

  it('names no checkpoint when none was saved', () => {
    expect(describeFailure(new Error('backend lost'), null)).toBe('Training failed: backend lost.');
    expect(describeFailure(new Error('Out of memory'), null, 'Use batch 2.')).toBe('Training ran out of memory (Out of memory). Use batch 2.');
  });
});
