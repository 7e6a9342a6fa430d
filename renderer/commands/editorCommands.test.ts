import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type StudioHost } from '../../app/protocol';
import { DESIGNER_COMMANDS } from '../../app/menu/menuModel';
import { insertAfterAction } from '../actions/editActions';
import { emptyDesign } from '../documents/emptyDesign';
import { defaultDeps } from '../store/defaultDeps';
import { createEditorStore } from '../store/editorStore';
import { createExperimentStore } from '../store/experimentStore';
import { createRunStore } from '../store/runStore';
import { createCommandHandlers, runCommand } from './editorCommands';

function setUp(confirmAnswer = false) {
  const store = createEditorStore(emptyDesign(), defaultDeps);
  const runStore = createRunStore();
  const experimentStore = createExperimentStore();
  const calls: string[] = [];
  const host = { info: async () => ({ kind: 'web', appVersion: '0', platform: 'linux', roots: ['/r'] }) } as unknown as StudioHost;
  const handlers = createCommandHandlers({
    store,
    runStore,
    experimentStore,
    host,
    view: { zoomIn: () => calls.push('zoomIn'), zoomOut: () => calls.push('zoomOut'), fitView: () => calls.push('fitView'), autoLayout: () => calls.push('autoLayout') },
    exportDesign: async (format) => (calls.push(`export:${format}`), { ok: true, value: { kind: 'saved', file: { path: `/r/design.${format}`, name: `design.${format}` } } }),
    confirm: () => (calls.push('confirm'), confirmAnswer),
  });
  return { store, runStore, experimentStore, calls, handlers };
}

describe('editor commands', () => {
  it('New Experiment opens its dialog, Experiments the queue and comparison view', () => {
    const { handlers, experimentStore } = setUp();
    handlers.newExperiment({ unsavedChecked: false });
    expect(experimentStore.getState().view).toEqual({ kind: 'new', prefill: null });
    handlers.experiments({ unsavedChecked: false });
    expect(experimentStore.getState().view).toEqual({ kind: 'view', id: null });
  });

  it('has a handler for every command the menus and the host can send', () => {
    const { handlers } = setUp();
    for (const command of [...MENU_COMMANDS, ...DESIGNER_COMMANDS]) expect(typeof handlers[command], command).toBe('function');
  });

  it('exports the format the user chose', async () => {
    const { runStore, calls, handlers } = setUp();
    runCommand(handlers, 'exportSvg');
    await expect.poll(() => runStore.getState().exportNotice?.text).toBe('Exported /r/design.svg');
    runCommand(handlers, 'exportPng');
    await expect.poll(() => runStore.getState().exportNotice?.text).toBe('Exported /r/design.png');
    expect(calls).toEqual(['export:svg', 'export:png']);
  });

  it('asks where to save a design that was never saved, as Save As does', async () => {
    const { store, handlers } = setUp();
    expect(store.getState().file).toBeNull();
    runCommand(handlers, 'save');
    await expect.poll(() => store.getState().ui.fileDialog).toBe('saveAs');
  });

  it('asks before a preset replaces unsaved work, unless the host asked already', () => {
    const { store, calls, handlers } = setUp(false);
    store.getState().run(insertAfterAction, { type: 'dropout' });
    runCommand(handlers, 'preset:inception-v4');
    expect(calls).toEqual(['confirm']);
    expect(store.getState().document.name).toBe('Untitled');
    runCommand(handlers, 'preset:inception-v4', { unsavedChecked: true });
    expect(calls).toEqual(['confirm']);
    // Its options come first: the dialog opens it.
    expect(store.getState().ui.presetDialog).toBe('inception-v4');
  });

  it('opens the dock tabs for the Run menu and reaches the canvas view', () => {
    const { runStore, calls, handlers } = setUp();
    runCommand(handlers, 'predict');
    expect(runStore.getState().dock).toBe('predict');
    runCommand(handlers, 'train');
    expect(runStore.getState().dock).toBe('train');
    for (const command of ['zoomIn', 'zoomOut', 'fitView', 'autoLayout'] as const) runCommand(handlers, command);
    expect(calls).toEqual(['zoomIn', 'zoomOut', 'fitView', 'autoLayout']);
  });
});
