import { useContext } from 'react';
import { EditorContext, type EditorContextValue } from '../store/editorContext';

/** The editor store and host of the surrounding `EditorContext`. */
export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext: no EditorContext.Provider above this component.');
  return value;
}
