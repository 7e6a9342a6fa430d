import { describe, expect, it } from 'vitest';
import { addNodeAction, deleteAction } from '../actions/editActions';
import { selectAllAction } from '../actions/selectionActions';
import { emptyDesign } from '../documents/emptyDesign';
import { defaultDeps } from './defaultDeps';
import { createEditorStore } from './editorStore';

describe('design lock while a run trains the design', () => {
  it('refuses edits, undo and redo with the reason, keeps selection, and allows edits again when lifted', () => {
    const store = createEditorStore(emptyDesign(), defaultDeps);
    store.getState().run(addNodeAction, { type: 'conv2d', position: { x: 0, y: 150 } });
    const document = store.getState().document;
    store.getState().setLockReason('Run r1 is training this design (running); stop it to edit the design.');

    expect(store.getState().run(selectAllAction, undefined)).toBe(true);
    expect(store.getState().selection.length).toBeGreaterThan(0);
    expect(store.getState().run(deleteAction, undefined)).toBe(false);
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().redo()).toBe(false);
    expect(store.getState().document).toBe(document);
    expect(store.getState().notice).toMatch(/r1 is training this design/);

    store.getState().setLockReason(null);
    expect(store.getState().run(deleteAction, undefined)).toBe(true);
    expect(store.getState().document).not.toBe(document);
  });
});
