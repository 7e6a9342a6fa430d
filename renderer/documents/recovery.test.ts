import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDesign } from '../../app/design/document';
import type { RecoveryCopy, StudioHost } from '../../app/protocol';
import { insertAfterAction } from '../actions/editActions';
import { defaultDeps } from '../store/defaultDeps';
import { createEditorStore, isDirty } from '../store/editorStore';
import { emptyDesign } from './emptyDesign';
import { newRecoveryId, restoreRecoveryCopy, startRecoveryAutosave } from './recovery';

/** A host keeping recovery copies in a map, as the real store keeps files. */
function recoveryHost(failWith?: string) {
  const copies = new Map<string, RecoveryCopy>();
  const host: Partial<StudioHost> = {
    saveRecovery: async ({ id, name, file, text }) => {
      if (failWith) return { ok: false, error: failWith };
      copies.set(id, { id, name, text, savedAt: new Date().toISOString(), ...(file ? { file } : {}) });
      return { ok: true, value: null };
    },
    discardRecovery: async ({ id }) => {
      copies.delete(id);
      return { ok: true, value: null };
    },
  };
  return { host: host as StudioHost, copies };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('recovery autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a copy a few seconds after the first unsaved change, with the later edits in it', async () => {
    const { host, copies } = recoveryHost();
    const store = createEditorStore(emptyDesign(), defaultDeps);
    const stop = startRecoveryAutosave(store, host, { id: 'tab', delayMs: 2000, onError: () => {} });
    store.getState().run(insertAfterAction, { type: 'dropout' });
    await vi.advanceTimersByTimeAsync(1500);
    store.getState().run(insertAfterAction, { type: 'dense' });
    expect(copies.size).toBe(0);
    await vi.advanceTimersByTimeAsync(600);
    const copy = copies.get('tab');
    expect(copy?.name).toBe(store.getState().document.name);
    const restored = parseDesign(copy!.text);
    expect(restored.ok && restored.value.document.nodes.map((node) => node.type)).toEqual(store.getState().document.nodes.map((node) => node.type));
    stop();
  });

  it('removes the copy once the design is saved or replaced, and writes nothing for a clean design', async () => {
    const { host, copies } = recoveryHost();
    const store = createEditorStore(emptyDesign(), defaultDeps);
    const stop = startRecoveryAutosave(store, host, { id: 'tab', delayMs: 100, onError: () => {} });
    store.getState().run(insertAfterAction, { type: 'dropout' });
    await vi.advanceTimersByTimeAsync(150);
    expect(copies.has('tab')).toBe(true);
    store.getState().markSaved({ path: '/d/a.incept.json', name: 'a.incept.json' }, store.getState().document);
    await settle();
    expect(copies.has('tab')).toBe(false);

    store.getState().run(insertAfterAction, { type: 'dense' });
    store.getState().load(emptyDesign(), null);
    await vi.advanceTimersByTimeAsync(500);
    expect(copies.size).toBe(0);
    stop();
  });

  it('reports a failing host once per message', async () => {
    const { host } = recoveryHost('disk full');
    const errors: string[] = [];
    const store = createEditorStore(emptyDesign(), defaultDeps);
    const stop = startRecoveryAutosave(store, host, { id: 'tab', delayMs: 10, onError: (message) => errors.push(message) });
    for (const type of ['dropout', 'dense']) {
      store.getState().run(insertAfterAction, { type });
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(errors).toEqual(['disk full']);
    stop();
  });
});

describe('restoring a recovery copy', () => {
  it('opens the copy as unsaved, attached to its file, and removes the copy', async () => {
    const { host, copies } = recoveryHost();
    const source = createEditorStore(emptyDesign(), defaultDeps);
    source.getState().run(insertAfterAction, { type: 'dropout' });
    await host.saveRecovery({ id: 'old', name: 'Mine', file: { path: '/d/m.incept.json', name: 'm.incept.json' }, text: JSON.stringify({ ...source.getState().document }) });
    const store = createEditorStore(emptyDesign(), defaultDeps);
    expect(await restoreRecoveryCopy(store, host, copies.get('old')!)).toBe(true);
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().file?.name).toBe('m.incept.json');
    expect(store.getState().document.nodes.length).toBe(source.getState().document.nodes.length);
    expect(copies.size).toBe(0);
  });

  it('shows why a broken copy cannot be opened and keeps it', async () => {
    const { host, copies } = recoveryHost();
    await host.saveRecovery({ id: 'bad', name: 'Broken', text: '{"format":' });
    const store = createEditorStore(emptyDesign(), defaultDeps);
    expect(await restoreRecoveryCopy(store, host, copies.get('bad')!)).toBe(false);
    expect(store.getState().problem?.title).toContain('Broken');
    expect(copies.has('bad')).toBe(true);
  });

  it('makes ids that are unique and fit the host’s rule', () => {
    const ids = new Set(Array.from({ length: 50 }, newRecoveryId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
