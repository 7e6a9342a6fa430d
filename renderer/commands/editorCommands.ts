/**
 * The editor's commands as one table: a handler per command of the menus, the shortcuts and the
 * host's menu events (`EditorCommand`, from the core's menu model), so a command nobody handles
 * is a compile error. Presets are one handler taking the preset's name. Framework-free: the
 * `useCommands` hook supplies React Flow, the layout worker and the window's confirm.
 */

import type { EditorCommand } from '../../app/menu/menuModel';
import type { ImageExportFormat, PresetCommand, Result, StudioHost } from '../../app/protocol';
import { PRESET_COMMAND_PREFIX } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { copyAction, cutAction, deleteAction, pasteAction } from '../actions/editActions';
import { expandAllAction, selectAllAction, toggleExpandAction } from '../actions/selectionActions';
import type { Action } from '../actions/types';
import { confirmDiscard, newDesign, openDesign, saveDesign } from '../documents/documentFiles';
import type { ExportOutcome } from '../export/exportImage';
import { exportNoticeOf } from '../export/exportNotice';
import type { EditorStore } from '../store/editorStore';
import type { ExperimentStore } from '../store/experimentStore';
import { stopRun } from '../store/runCommands';
import { currentRun, type RunStore } from '../store/runStore';

/** How a command was asked for: `unsavedChecked` when the host already asked about unsaved changes. */
export interface CommandOptions {
  unsavedChecked: boolean;
}

type NamedCommand = Exclude<EditorCommand, PresetCommand>;

export type CommandHandlers = { readonly [C in NamedCommand]: (options: CommandOptions) => void } & {
  /** `preset:NAME`: offers that preset's options, then opens it. */
  readonly preset: (name: string, options: CommandOptions) => void;
};

export interface CommandDeps {
  store: EditorStore;
  runStore: RunStore;
  experimentStore: ExperimentStore;
  host: StudioHost;
  /** The canvas view: zoom, fit, lay out (React Flow and the ELK worker). */
  view: { zoomIn(): void; zoomOut(): void; fitView(): void; autoLayout(): void };
  /** Draws the design canvas and delivers it as the host does (desktop: saved where asked; browser: downloaded). */
  exportDesign(format: ImageExportFormat): Promise<Result<ExportOutcome>>;
  /** Asks the user a yes/no question (the window's confirm). */
  confirm(message: string): boolean;
}

const isPresetCommand = (command: EditorCommand): command is PresetCommand => command.startsWith(PRESET_COMMAND_PREFIX);

/** Runs one command through its handler. */
export function runCommand(handlers: CommandHandlers, command: EditorCommand, options: CommandOptions = { unsavedChecked: false }): void {
  if (isPresetCommand(command)) handlers.preset(command.slice(PRESET_COMMAND_PREFIX.length), options);
  else handlers[command](options);
}

export function createCommandHandlers({ store, runStore, experimentStore, host, view, exportDesign, confirm }: CommandDeps): CommandHandlers {
  const editor = () => store.getState();
  const report = (error: unknown) => editor().setNotice(errorMessage(error));
  /** Fine to replace the document: nothing unsaved, the host asked already, or the user says so. */
  const mayDiscard = ({ unsavedChecked }: CommandOptions) => unsavedChecked || confirmDiscard(store, confirm);
  const onSelection = (action: Action<undefined>) => () => void editor().run(action, undefined);
  /** The web host has no native dialog: it shows the page's own file dialog instead. */
  const withFileDialog = (dialog: 'open' | 'saveAs', native: () => Promise<boolean>) => () =>
    void host.info().then((info) => (info.kind === 'web' ? editor().setUi({ fileDialog: dialog }) : void native().catch(report)), report);
  const saveAs = withFileDialog('saveAs', () => saveDesign(store, host, { saveAs: true }));
  const exportAs = (format: ImageExportFormat) => () =>
    void exportDesign(format).then(
      (result) => runStore.getState().setExportNotice(exportNoticeOf(result)),
      (error: unknown) => runStore.getState().setExportNotice(exportNoticeOf({ ok: false, error: errorMessage(error) })),
    );

  return {
    new: (options) => {
      if (mayDiscard(options)) newDesign(store);
    },
    open: (options) => {
      if (mayDiscard(options)) withFileDialog('open', () => openDesign(store, host))();
    },
    // A design never saved has no place yet: Save asks where, as Save As does.
    save: () => (editor().file === null ? saveAs() : void saveDesign(store, host).catch(report)),
    saveAs,
    exportPng: exportAs('png'),
    exportSvg: exportAs('svg'),
    exportModel: () => editor().setUi({ modelExport: { checkpoint: null } }),
    importModel: () => editor().setUi({ modelImport: true }),
    undo: () => void editor().undo(),
    redo: () => void editor().redo(),
    cut: onSelection(cutAction),
    copy: onSelection(copyAction),
    paste: onSelection(pasteAction),
    delete: onSelection(deleteAction),
    selectAll: onSelection(selectAllAction),
    toggleExpand: onSelection(toggleExpandAction),
    expandAll: () => void editor().run(expandAllAction, true),
    collapseAll: () => void editor().run(expandAllAction, false),
    zoomIn: () => view.zoomIn(),
    zoomOut: () => view.zoomOut(),
    fitView: () => view.fitView(),
    autoLayout: () => view.autoLayout(),
    togglePanels: () => editor().setUi({ panelsHidden: !editor().ui.panelsHidden }),
    validate: () => {
      editor().setUi({ panelsHidden: false });
      editor().setNotice(`${editor().analysis.diagnostics.length} problems found`);
    },
    startScreen: () => editor().setUi({ startScreen: true }),
    about: () => editor().setUi({ about: true }),
    train: () => runStore.getState().setDock('train'),
    predict: () => runStore.getState().setDock('predict'),
    newExperiment: () => experimentStore.getState().open({ kind: 'new', prefill: null }),
    experiments: () => experimentStore.getState().open({ kind: 'view', id: null }),
    stop: () => {
      const run = currentRun(runStore.getState());
      if (run) void stopRun(host, runStore, run.runId);
    },
    // The preset's options come first; its dialog opens it.
    preset: (name, options) => {
      if (mayDiscard(options)) editor().setUi({ presetDialog: name });
    },
  };
}
