/** Turns what ended a run into a message a user can act on. */

import { errorMessage } from '../../result';
import { BackendUnavailableError } from '../backends/select';
import { DesignErrorsError } from '../compile';
import { DatasetError } from '../data/types';

const outOfMemory = /out of memory|OOM|memory access out of bounds|Cannot allocate|failed to allocate|Array buffer allocation failed|RangeError: .*(Array|buffer)/i;

export function describeFailure(error: unknown, lastCheckpoint: string | null): string {
  const message = errorMessage(error);
  const kept = lastCheckpoint ? ` The last checkpoint is kept in ${lastCheckpoint}; resume from it after the fix.` : '';
  if (error instanceof DatasetError || error instanceof DesignErrorsError || error instanceof BackendUnavailableError) return message;
  if (outOfMemory.test(message) || (error instanceof Error && outOfMemory.test(error.name))) {
    return `Training ran out of memory (${message}). Use a smaller batch size (--batch) or input size, or a backend with more memory.${kept}`;
  }
  return `Training failed: ${message}.${kept}`;
}
