/** Turns what ended a run into a message a user can act on. */

import { errorMessage } from '../../result';
import { BackendUnavailableError } from '../backends/select';
import { WebGpuError } from '../backends/webgpu';
import { DesignErrorsError } from '../compile';
import { DatasetError } from '../data/types';

const outOfMemory = /out of memory|OOM|memory access out of bounds|Cannot allocate|failed to allocate|Array buffer allocation failed|RangeError: .*(Array|buffer)/i;
/** A WebGPU validation error about a buffer too large for the device: one tensor outgrew it. */
const bufferTooLarge = /exceeds the max(imum)? (buffer size|storage buffer binding size)|binding size .* (exceeds|larger than)/i;

function isOutOfMemory(error: unknown, message: string): boolean {
  if (error instanceof WebGpuError) return error.kind === 'out-of-memory' || (error.kind === 'validation' && bufferTooLarge.test(message));
  return outOfMemory.test(message) || (error instanceof Error && outOfMemory.test(error.name));
}

/** `batchAdvice`: what to do about the batch when memory ran out (the trainer's estimate for this run). */
export function describeFailure(error: unknown, lastCheckpoint: string | null, batchAdvice?: string): string {
  const message = errorMessage(error);
  const kept = lastCheckpoint ? ` The last checkpoint is kept in ${lastCheckpoint}; resume from it after the fix.` : '';
  if (error instanceof DatasetError || error instanceof DesignErrorsError || error instanceof BackendUnavailableError) return message;
  if (isOutOfMemory(error, message)) {
    return `Training ran out of memory (${message}). ${batchAdvice ?? 'Use a smaller batch size (--batch) or input size, or a backend with more memory.'}${kept}`;
  }
  if (error instanceof WebGpuError && error.kind !== 'device-lost') {
    return `A WebGPU kernel failed (${message}); the step's results are not trusted. Train on another backend meanwhile (--backend wasm) and report it.${kept}`;
  }
  return `Training failed: ${message}.${kept}`;
}
