import type { EditorStore } from '../store/editorStore';
import { useEditorContext } from './useEditorContext';

/** The store itself, for event handlers that read state at the moment they run. */
export function useEditorStore(): EditorStore {
  return useEditorContext().store;
}
