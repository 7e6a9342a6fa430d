/** Turns what ended a run into a message a user can act on, and says what kind of failure it was. */

import { errorMessage } from '../../result';
import { TrainConfigError } from '../../training/defaults';
import type { TrainFailureKind } from '../../training/types';
import { BackendUnavailableError } from '../backends/select';
import { WebGpuError } from '../backends/webgpu';
import { DesignErrorsError } from '../compile';
import { DatasetError } from '../data/types';
import { ModelDirError } from '../../node/modelDir/format';
import { UnreadableDesignError, UntrainableDesignError } from './prepareModel';
import { RunRecordError } from '../../node/runs/runRecord';
import { TensorBundleError } from './tensorBundle';

/** Input the user can fix before anything trains: what the command line answers with exit 2. */
const inputErrors = [DatasetError, TrainConfigError, RunRecordError, ModelDirError, TensorBundleError, BackendUnavailableError, UnreadableDesignError];

export function failureKind(error: unknown): TrainFailureKind {
  if (error instanceof DesignErrorsError || error instanceof UntrainableDesignError) return 'design';
  return inputErrors.some((type) => error instanceof type) ? 'input' : 'failure';
}

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
  if (failureKind(error) !== 'failure') return message;
  if (isOutOfMemory(error, message)) {
    return `Training ran out of memory (${message}). ${batchAdvice ?? 'Use a smaller batch size (--batch) or input size, or a backend with more memory.'}${kept}`;
  }
  if (error instanceof WebGpuError && error.kind !== 'device-lost') {
    return `A WebGPU kernel failed (${message}); the step's results are not trusted. Train on another backend meanwhile (--backend wasm) and report it.${kept}`;
  }
  return `Training failed: ${message}.${kept}`;
}
