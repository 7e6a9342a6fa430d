/** Makes one editor store available to the component tree. */

import { createContext } from 'react';
import type { StudioHost } from '../../app/protocol';
import type { EditorStore } from './editorStore';

export interface EditorContextValue {
  store: EditorStore;
  host: StudioHost;
}

export const EditorContext = createContext<EditorContextValue | null>(null);
