import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../app/training/progress';
import { useEditorContext } from './useEditorContext';

/** The host's long work under way (dataset check, evaluation, prediction); null when none is. */
export function useWorkProgress(): ProgressEvent | null {
  const { host } = useEditorContext();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(
    () =>
      host.onEvent((event) => {
        if (event.type !== 'progress') return;
        setProgress(event.event.done >= event.event.total ? null : event.event);
      }),
    [host],
  );
  return progress;
}
