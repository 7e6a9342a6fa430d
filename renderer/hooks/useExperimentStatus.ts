import { useEffect, useState } from 'react';
import type { ExperimentStatus } from '../../app/protocol';
import { useEditorContext } from './useEditorContext';
import { useExperiments } from './useExperiments';

/**
 * An experiment's status from the host, read again whenever its runner reports a finished epoch,
 * a run's end or a queue change; the live queue (a step fresher) wins over the one read.
 */
export function useExperimentStatus(id: string | null): { status: ExperimentStatus | null; error: string | null } {
  const { host } = useEditorContext();
  const revision = useExperiments((s) => (id === null ? 0 : (s.live[id]?.revision ?? 0)));
  const liveQueue = useExperiments((s) => (id === null ? null : (s.live[id]?.queue ?? null)));
  const [read, setRead] = useState<{ id: string; status: ExperimentStatus | null; error: string | null } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let current = true;
    void host.experimentStatus({ id }).then(
      (result) => current && setRead({ id, status: result.ok ? result.value : null, error: result.ok ? null : result.error }),
      (error: unknown) => current && setRead({ id, status: null, error: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [host, id, revision]);
  if (id === null || read === null || read.id !== id) return { status: null, error: null };
  const status = read.status && liveQueue ? { ...read.status, queue: liveQueue } : read.status;
  return { status, error: read.error };
}
