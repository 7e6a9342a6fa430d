import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { graphBounds } from '../store/graphBounds';
import { useEditorStore } from './useEditorStore';

/** Fits the whole graph in view at once, measured or not (see graphBounds). */
export function useFitGraph(): (duration?: number) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return useCallback(
    (duration = 0) => {
      const bounds = graphBounds(store.getState().flow.nodes);
      if (bounds) void flow.fitBounds(bounds, { padding: 0.06, duration });
    },
    [flow, store],
  );
}
