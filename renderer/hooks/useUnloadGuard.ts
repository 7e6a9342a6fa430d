import { useEffect } from 'react';
import { isDirty } from '../store/editorStore';
import { useEditorContext } from './useEditorContext';

/**
 * In a browser tab, leaving or reloading with unsaved changes asks first (the browser's own
 * prompt). The desktop host asks itself, with Save / Don't Save / Cancel, before a window closes.
 */
export function useUnloadGuard(): void {
  const { store, host } = useEditorContext();
  useEffect(() => {
    let active = true;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty(store.getState())) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    void host.info().then(
      (info) => active && info.kind === 'web' && window.addEventListener('beforeunload', onBeforeUnload),
      () => undefined,
    );
    return () => {
      active = false;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store, host]);
}
