/** Turns what ended a run into a message a user can act on, and says what kind of failure it was. */

import { errorMessage } from '../../result';
import { TrainConfigError } from '../../training/defaults';
import type { TrainFailureKind } from '../../training/types';
import { BackendUnavailableError } from '../backends/select';
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

export function describeFailure(error: unknown, lastCheckpoint: string | null): string {
  const message = errorMessage(error);
  const kept = lastCheckpoint ? ` The last checkpoint is kept in ${lastCheckpoint}; resume from it after the fix.` : '';
  if (failureKind(error) !== 'failure') return message;
  if (outOfMemory.test(message) || (error instanceof Error && outOfMemory.test(error.name))) {
    return `Training ran out of memory (${message}). Use a smaller batch size (--batch) or input size, or a backend with more memory.${kept}`;
  }
  return `Training failed: ${message}.${kept}`;
}
