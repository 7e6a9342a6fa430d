import { Background, ControlButton, Controls, ReactFlow, useReactFlow, type Connection, type Node, type OnNodeDrag } from '@xyflow/react';
import { useCallback, useEffect, type DragEvent } from 'react';
import { addNodeAction, connectAction } from '../../actions/editActions';
import { toggleExpandAction } from '../../actions/selectionActions';
import { nextPort } from '../../../app/design/edits';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { useFitGraph, useShowGraphStart } from '../../hooks/useFitGraph';
import { LAYER_PREFIX } from '../../store/flowTypes';
import { PALETTE_MIME } from '../Palette/paletteDrag';
import { edgeTypes, nodeTypes } from './flowTypes';
import './Canvas.css';

const portOf = (handle: string | null | undefined): number | undefined => {
  const match = /^in-(\d+)$/.exec(handle ?? '');
  return match ? Number(match[1]) : undefined;
};

/** The node-graph canvas: drop palette items, connect ports, drag, select, expand blocks. */
export function Canvas() {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.flow.nodes);
  const edges = useEditor((s) => s.flow.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const fitRequest = useEditor((s) => s.fitRequest);
  // A training run uses the design: no dragging or connecting (edits are refused by the store too).
  const locked = useEditor((s) => s.lockReason !== null);
  const flow = useReactFlow();

  // After open, preset and layout, once the new graph is on the canvas: readable, from the input.
  const fitGraph = useFitGraph();
  const showStart = useShowGraphStart();
  useEffect(() => {
    if (fitRequest === 0) return;
    const frame = requestAnimationFrame(() => showStart());
    return () => cancelAnimationFrame(frame);
  }, [fitRequest, showStart]);

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      const port = portOf(connection.targetHandle) ?? nextPort(state.document, connection.target);
      state.run(connectAction, { source: connection.source, target: connection.target, port });
    },
    [store],
  );

  const onNodeDragStop: OnNodeDrag = useCallback((_event, _node, dragged) => store.getState().commitDrag(dragged), [store]);

  // Layers inside an expanded block are not selectable nodes: a click shows one in the inspector.
  const onNodeClick = useCallback(
    (_event: unknown, node: Node) => {
      if (node.id.startsWith(LAYER_PREFIX)) store.getState().selectLayer(node.id.slice(LAYER_PREFIX.length));
    },
    [store],
  );

  const onNodeDoubleClick = useCallback(
    (_event: unknown, node: Node) => store.getState().run(toggleExpandAction, [node.id]),
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().run(addNodeAction, { type, position: { x: Math.round(position.x - 110), y: Math.round(position.y - 30) } });
    },
    [flow, store],
  );

  return (
    <main className="canvas" aria-label="Design canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        deleteKeyCode={null}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        minZoom={0.005}
        maxZoom={2.5}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls aria-label="Zoom controls" showFitView={false}>
          <ControlButton onClick={() => fitGraph(200)} aria-label="Fit view" title="Fit view (F)">
            ⤢
          </ControlButton>
        </Controls>
      </ReactFlow>
    </main>
  );
}
