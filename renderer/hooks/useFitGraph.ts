import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { graphBounds, graphExtent } from '../store/graphBounds';
import { useEditorStore } from './useEditorStore';

const FIT_PADDING = 0.06;
/** Space left of and above the graph when it opens at full size. */
const START_MARGIN = 24;

/** Fits the whole graph in view at once, measured or not (see graphBounds). */
export function useFitGraph(): (duration?: number) => void {
  const store = useEditorStore();
  const flow = useReactFlow();
  return useCallback(
    (duration = 0) => {
      const bounds = graphBounds(store.getState().flow.nodes);
      if (bounds) void flow.fitBounds(bounds, { padding: FIT_PADDING, duration });
    },
    [flow, store],
  );
}

/**
 * Shows a graph as it opens: all of it when it fits at readable size (100% or more), else at
 * 100% from its top-left corner (the input), the minimap showing the rest.
 */
export function useShowGraphStart(): () => void {
  const store = useEditorStore();
  const canvas = useStoreApi();
  const flow = useReactFlow();
  const fitGraph = useFitGraph();
  return useCallback(() => {
    const extent = graphExtent(store.getState().flow.nodes);
    const { width, height } = canvas.getState();
    if (!extent) return;
    const fitZoom = Math.min(width / extent.width, height / extent.height) * (1 - 2 * FIT_PADDING);
    if (fitZoom >= 1) fitGraph();
    else void flow.setViewport({ x: START_MARGIN - extent.x, y: START_MARGIN - extent.y, zoom: 1 });
  }, [canvas, flow, fitGraph, store]);
}
