import { useEffect } from 'react';
import { APP_NAME } from '../../app/versions';
import { isDirty } from '../store/editorStore';
import { useEditor } from './useEditor';
import { useEditorContext } from './useEditorContext';

/** The window title names the document and marks unsaved changes; the host hears it too. */
export function useDocumentTitle(): void {
  const { host } = useEditorContext();
  const name = useEditor((s) => s.file?.name ?? s.document.name);
  const dirty = useEditor(isDirty);
  useEffect(() => {
    const title = `${dirty ? '● ' : ''}${name} — ${APP_NAME}`;
    document.title = title;
    void host.setDocumentState({ title, dirty }).catch(() => undefined);
  }, [host, name, dirty]);
}
