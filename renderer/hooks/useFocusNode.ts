import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { selectAction } from '../actions/selectionActions';
import { useEditorStore } from './useEditorStore';

/** Selects a node and centres the view on it (diagnostics, search results). */
export function useFocusNode(): (id: string) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return useCallback(
    (id: string) => {
      store.getState().run(selectAction, [id]);
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? node.width ?? 220;
      const height = node.measured.height ?? node.height ?? 90;
      void flow.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
    },
    [flow, store],
  );
}
