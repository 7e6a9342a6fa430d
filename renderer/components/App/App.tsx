import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import type { StudioHost } from '../../../app/protocol';
import { EditorContext } from '../../store/editorContext';
import type { EditorStore } from '../../store/editorStore';
import { Workspace } from '../Workspace/Workspace';

interface AppProps {
  store: EditorStore;
  host: StudioHost;
}

/** Provides the store, the host and React Flow's context to the workspace. */
export function App({ store, host }: AppProps) {
  const value = useMemo(() => ({ store, host }), [store, host]);
  return (
    <EditorContext.Provider value={value}>
      <ReactFlowProvider>
        <Workspace />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
