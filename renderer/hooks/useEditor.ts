import { useStore } from 'zustand';
import type { EditorCommands, EditorState } from '../store/editorStore';
import { useEditorContext } from './useEditorContext';

/** Reads one narrow slice of the editor store; the component re-renders only when it changes. */
export function useEditor<T>(selector: (state: EditorState & EditorCommands) => T): T {
  return useStore(useEditorContext().store, selector);
}
