import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { DesignerCommand } from '../../app/menu/menuModel';
import type { MenuCommand } from '../../app/protocol';
import { copyAction, cutAction, deleteAction, pasteAction } from '../actions/editActions';
import { expandAllAction, selectAllAction, toggleExpandAction } from '../actions/selectionActions';
import type { Action } from '../actions/types';
import { confirmDiscard, newDesign, openDesign, openPreset, saveDesign } from '../documents/documentFiles';
import { useAutoLayout } from './useAutoLayout';
import { useEditorContext } from './useEditorContext';
import { useFitGraph } from './useFitGraph';

/** Host menu commands plus the designer's own. */
export type EditorCommand = MenuCommand | DesignerCommand;

const PRESET = 'preset:';

/** Commands that run one editor action on the current selection. */
const selectionCommands: Partial<Record<EditorCommand, Action<undefined>>> = {
  cut: cutAction,
  copy: copyAction,
  paste: pasteAction,
  delete: deleteAction,
  selectAll: selectAllAction,
  toggleExpand: toggleExpandAction,
};

/** One entry point for menus, shortcuts and host menu events. */
export function useCommands(): (command: EditorCommand) => void {
  const { store, host } = useEditorContext();
  const flow = useReactFlow();
  const autoLayout = useAutoLayout();
  const fitGraph = useFitGraph();

  return useCallback(
    (command: EditorCommand) => {
      const state = store.getState();
      const report = (error: unknown) => state.setNotice(error instanceof Error ? error.message : String(error));
      const discardOk = () => confirmDiscard(store, (message) => window.confirm(message));
      const saveAs = () =>
        void host.info().then((info) => {
          if (info.kind === 'web') state.setUi({ fileDialog: 'saveAs' });
          else void saveDesign(store, host, { saveAs: true }).catch(report);
        }, report);
      const action = selectionCommands[command];
      if (action) {
        state.run(action, undefined);
        return;
      }
      if (command.startsWith(PRESET)) {
        if (discardOk()) openPreset(store, command.slice(PRESET.length));
        return;
      }
      switch (command) {
        case 'new':
          if (discardOk()) newDesign(store);
          return;
        case 'open':
          if (!discardOk()) return;
          void host.info().then((info) => {
            if (info.kind === 'web') state.setUi({ fileDialog: 'open' });
            else void openDesign(store, host).catch(report);
          }, report);
          return;
        case 'save':
          // A design never saved has no place yet: Save asks where, as Save As does.
          if (state.file === null) saveAs();
          else void saveDesign(store, host).catch(report);
          return;
        case 'saveAs':
          saveAs();
          return;
        case 'undo':
          state.undo();
          return;
        case 'redo':
          state.redo();
          return;
        case 'zoomIn':
          void flow.zoomIn({ duration: 150 });
          return;
        case 'zoomOut':
          void flow.zoomOut({ duration: 150 });
          return;
        case 'fitView':
          fitGraph(200);
          return;
        case 'togglePanels':
          state.setUi({ panelsHidden: !state.ui.panelsHidden });
          return;
        case 'validate':
          state.setUi({ panelsHidden: false });
          state.setNotice(`${state.analysis.diagnostics.length} problems found`);
          return;
        case 'autoLayout':
          void autoLayout();
          return;
        case 'expandAll':
        case 'collapseAll':
          state.run(expandAllAction, command === 'expandAll');
          return;
        case 'startScreen':
          state.setUi({ startScreen: true });
          return;
        case 'about':
          state.setUi({ about: true });
          return;
        default:
          // train, stop, predict and export belong to the run dock, which hears them itself.
          return;
      }
    },
    [autoLayout, fitGraph, flow, host, store],
  );
}
