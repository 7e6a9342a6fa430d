import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../app/design/document';
import { buildPreset } from '../../app/presets/index';
import type { Result, StudioHost } from '../../app/protocol';
import { insertAfterAction } from '../actions/editActions';
import { defaultDeps } from '../store/defaultDeps';
import { createEditorStore, isDirty } from '../store/editorStore';
import { emptyDesign } from './emptyDesign';
import { confirmDiscard, openDesign, openPreset, saveDesign, suggestedFileName } from './documentFiles';

/** A host that keeps files in a map; only the calls the document commands make. */
function fakeHost(files: Map<string, string>): StudioHost {
  const host: Partial<StudioHost> = {
    openDesign: async ({ path }) => {
      const text = path === undefined ? undefined : files.get(path);
      return text === undefined ? { ok: false, error: `no such file ${path}` } : { ok: true, value: { file: { path: path!, name: path!.split('/').pop()! }, text } };
    },
    saveDesign: async ({ path, suggestedName, text }) => {
      const target = path ?? `/designs/${suggestedName}`;
      files.set(target, text);
      return { ok: true, value: { path: target, name: suggestedName } } satisfies Result<{ path: string; name: string }>;
    },
  };
  return host as StudioHost;
}

describe('document files', () => {
  it('saves through the host, clears the unsaved mark and reopens the same design', async () => {
    const files = new Map<string, string>();
    const store = createEditorStore(emptyDesign(), defaultDeps);
    openPreset(store, 'inception-v4');
    store.getState().run(insertAfterAction, { type: 'dropout' });
    expect(isDirty(store.getState())).toBe(true);
    expect(await saveDesign(store, fakeHost(files))).toBe(true);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().file?.path).toBe('/designs/Inception-v4.incept.json');

    const other = createEditorStore(emptyDesign(), defaultDeps);
    expect(await openDesign(other, fakeHost(files), '/designs/Inception-v4.incept.json')).toBe(true);
    expect(serializeDesign(other.getState().document)).toBe(serializeDesign(store.getState().document));
  });

  it('shows the issues of a file that does not parse and changes nothing', async () => {
    const files = new Map([['/designs/bad.incept.json', '{"format":"inception-studio/design","version":2,"name":3}']]);
    const store = createEditorStore(buildPreset('inception-resnet-v1'), defaultDeps);
    const before = store.getState().document;
    expect(await openDesign(store, fakeHost(files), '/designs/bad.incept.json')).toBe(false);
    const problem = store.getState().problem;
    expect(problem?.title).toBe('bad.incept.json is not a design this app can open');
    expect(problem?.issues).toContainEqual(expect.objectContaining({ path: 'name', found: '3' }));
    expect(store.getState().document).toBe(before);
  });

  it('reports a host refusal and asks before discarding unsaved work', async () => {
    const store = createEditorStore(emptyDesign(), defaultDeps);
    expect(await openDesign(store, fakeHost(new Map()), '/nowhere.incept.json')).toBe(false);
    expect(store.getState().problem?.message).toBe('no such file /nowhere.incept.json');
    expect(confirmDiscard(store, () => false)).toBe(true);
    store.getState().run(insertAfterAction, { type: 'conv2d' });
    expect(confirmDiscard(store, () => false)).toBe(false);
    expect(suggestedFileName('a/b: c')).toBe('a-b- c.incept.json');
  });
});
