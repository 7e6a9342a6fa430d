import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { EditorCommand } from '../../app/menu/menuModel';
import { createCommandHandlers, runCommand, type CommandOptions } from '../commands/editorCommands';
import { deliverExport, designImage } from '../export/exportImage';
import { exportBaseName } from '../export/exportName';
import type { FlowEdge, FlowNode } from '../store/flowTypes';
import { useAutoLayout } from './useAutoLayout';
import { useEditorContext } from './useEditorContext';
import { useFitGraph } from './useFitGraph';
import { useExperimentStore } from './useExperiments';
import { useRunStore } from './useRun';

/** One entry point for menus, shortcuts and host menu events: runs a command through the editor's command table. */
export function useCommands(): (command: EditorCommand, options?: CommandOptions) => void {
  const { store, host } = useEditorContext();
  const runStore = useRunStore();
  const experimentStore = useExperimentStore();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const autoLayout = useAutoLayout();
  const fitGraph = useFitGraph();

  const handlers = useMemo(
    () =>
      createCommandHandlers({
        store,
        runStore,
        experimentStore,
        host,
        view: {
          zoomIn: () => void flow.zoomIn({ duration: 150 }),
          zoomOut: () => void flow.zoomOut({ duration: 150 }),
          fitView: () => fitGraph(200),
          autoLayout: () => void autoLayout(),
        },
        exportDesign: async (format) => {
          const { file, document } = store.getState();
          return deliverExport(host, await designImage(flow, format, exportBaseName(file, document.name)));
        },
        confirm: (message) => window.confirm(message),
      }),
    [autoLayout, experimentStore, fitGraph, flow, host, runStore, store],
  );
  return useCallback((command, options) => runCommand(handlers, command, options), [handlers]);
}
