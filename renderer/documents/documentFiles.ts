/**
 * New, open, save and presets through the host. A file that does not parse changes nothing:
 * its issues (path, expected, found) go to the store's `problem` for the dialog to show.
 */

import { parseDesign, serializeDesign } from '../../app/design/document';
import { DESIGN_EXTENSION } from '../../app/design/types';
import { analyze } from '../../app/analysis/analyze';
import { buildPreset, type PresetOptions } from '../../app/presets/index';
import { documentInStages } from '../layout/stageLayout';
import type { StudioHost } from '../../app/protocol';
import { isDirty, type EditorStore } from '../store/editorStore';
import { emptyDesign } from './emptyDesign';

/** Asks before throwing away unsaved work; true when it is fine to go on. */
export function confirmDiscard(store: EditorStore, confirm: (message: string) => boolean): boolean {
  const state = store.getState();
  return !isDirty(state) || confirm(`Discard unsaved changes to “${state.document.name}”?`);
}

export function newDesign(store: EditorStore): void {
  store.getState().load(emptyDesign(), null);
}

export function openPreset(store: EditorStore, name: string, options: PresetOptions = {}): void {
  try {
    const document = buildPreset(name, options);
    store.getState().load(documentInStages(document, analyze(document)), null);
  } catch (error) {
    store.getState().setProblem({ title: 'Could not build the preset', message: String(error instanceof Error ? error.message : error), issues: [] });
  }
}

/** Opens `path`, or lets the host ask (desktop dialog). Returns false when nothing was opened. */
export async function openDesign(store: EditorStore, host: StudioHost, path?: string): Promise<boolean> {
  const state = store.getState();
  const reply = await host.openDesign(path === undefined ? {} : { path });
  if (!reply.ok) {
    state.setProblem({ title: 'Could not open the design', message: reply.error, issues: [] });
    return false;
  }
  if (reply.value === null) return false;
  const parsed = parseDesign(reply.value.text);
  if (!parsed.ok) {
    state.setProblem({ title: `${reply.value.file.name} is not a design this app can open`, message: parsed.error.message, issues: parsed.error.issues });
    return false;
  }
  state.load(parsed.value.document, reply.value.file);
  state.setNotice(parsed.value.migratedFrom === undefined ? `Opened ${reply.value.file.path}` : `Opened ${reply.value.file.path} (upgraded from format version ${parsed.value.migratedFrom})`);
  return true;
}

export function suggestedFileName(name: string): string {
  const stem = name.trim().replace(/[\\/:*?"<>|]+/g, '-') || 'design';
  return stem.endsWith(DESIGN_EXTENSION) ? stem : `${stem}${DESIGN_EXTENSION}`;
}

/** Saves to `path`, to the open file, or wherever the host chooses (dialog or its folder). */
export async function saveDesign(store: EditorStore, host: StudioHost, options: { saveAs?: boolean; path?: string } = {}): Promise<boolean> {
  const state = store.getState();
  const document = state.document;
  const path = options.path ?? (options.saveAs ? undefined : state.file?.path);
  const reply = await host.saveDesign({ ...(path === undefined ? {} : { path }), suggestedName: suggestedFileName(document.name), text: serializeDesign(document) });
  if (!reply.ok) {
    state.setProblem({ title: 'Could not save the design', message: reply.error, issues: [] });
    return false;
  }
  if (reply.value === null) return false;
  state.markSaved(reply.value, document);
  store.getState().setNotice(`Saved to ${reply.value.path}`);
  return true;
}
