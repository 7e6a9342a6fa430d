import type { ProgressEvent } from '../../app/training/progress';
import { useRun } from './useRun';

/** The host's long work under way (dataset check, evaluation, prediction); null when none is. Host events reach it through useHostEvents. */
export function useWorkProgress(): ProgressEvent | null {
  return useRun((s) => s.workProgress);
}
