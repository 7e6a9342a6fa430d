import { useEffect } from 'react';
import { newRecoveryId, startRecoveryAutosave } from '../documents/recovery';
import { useEditorContext } from './useEditorContext';

/** This page's recovery copy id; a reload is a new page and finds the old copy on offer. */
const RECOVERY_ID = newRecoveryId();

/**
 * Keeps a recovery copy of the unsaved design with the host, and on start offers the copies
 * that earlier windows or tabs left behind (the recovery dialog shows `ui.recovery`).
 */
export function useRecovery(): void {
  const { store, host } = useEditorContext();

  useEffect(() => startRecoveryAutosave(store, host, { id: RECOVERY_ID, onError: (message) => store.getState().setNotice(`Recovery copy not kept: ${message}`) }), [store, host]);

  useEffect(() => {
    let live = true;
    void host.recoveryCopies().then(
      (reply) => {
        if (!live) return;
        if (!reply.ok) return store.getState().setNotice(`Could not look for unsaved work to restore: ${reply.error}`);
        const offered = reply.value.filter((copy) => copy.id !== RECOVERY_ID);
        if (offered.length > 0) store.getState().setUi({ recovery: offered });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store, host]);
}
