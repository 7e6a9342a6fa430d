/** What one GPU buffer can hold: one tensor lives in one buffer, bound whole to a shader. Pure. */

import type { GpuInfo } from '../protocol';

/** The smaller of the buffer and storage-binding limits; undefined where the backend states none (only WebGPU does). */
export function largestBufferBytes(gpu: GpuInfo | undefined): number | undefined {
  const limits = [gpu?.maxBufferSize, gpu?.maxStorageBufferBindingSize].filter((n): n is number => n !== undefined);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}
