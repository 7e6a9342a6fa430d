/**
 * Everything the host pushes to the window, handled in one place: a handler per HostEvent
 * type, so an event type nobody handles is a compile error, and one arriving from a newer host
 * is an error naming it rather than silence.
 */

import type { EditorCommand } from '../../app/menu/menuModel';
import type { HostEvent, StudioHost } from '../../app/protocol';
import { errorMessage } from '../../app/result';
import { confirmDiscard, openDesign } from '../documents/documentFiles';
import type { EditorStore } from '../store/editorStore';
import type { ExperimentStore } from '../store/experimentStore';
import type { RunStore } from '../store/runStore';
import type { CommandOptions } from './editorCommands';

export type HostEventHandlers = { readonly [T in HostEvent['type']]: (event: Extract<HostEvent, { type: T }>) => void };

/** Edit commands the desktop host also performs natively in the focused text field. */
const EDIT_COMMANDS: ReadonlySet<EditorCommand> = new Set(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);

export interface HostEventDeps {
  store: EditorStore;
  runStore: RunStore;
  experimentStore: ExperimentStore;
  host: StudioHost;
  run(command: EditorCommand, options: CommandOptions): void;
  confirm(message: string): boolean;
  /** Whether a text field has the focus (its own undo, copy, delete… apply there, not to the design). */
  isTyping(): boolean;
}

export function dispatchHostEvent(handlers: HostEventHandlers, event: HostEvent): void {
  if (!Object.hasOwn(handlers, event.type)) throw new Error(`The host sent an event this window does not know: ${JSON.stringify(event.type)}`);
  (handlers[event.type] as (event: HostEvent) => void)(event);
}

export function createHostEventHandlers({ store, runStore, experimentStore, host, run, confirm, isTyping }: HostEventDeps): HostEventHandlers {
  return {
    train: (event) => runStore.getState().applyHostEvent(event),
    'trainer-crashed': (event) => {
      runStore.getState().applyHostEvent(event);
      if (event.runId !== null) runStore.getState().setDock('train');
    },
    menu: ({ command, unsavedChecked }) => {
      if (EDIT_COMMANDS.has(command) && isTyping()) return;
      run(command, { unsavedChecked });
    },
    progress: ({ event }) => runStore.getState().setWorkProgress(event),
    experiment: ({ id, event }) => experimentStore.getState().apply(id, event),
    'open-file': ({ path, unsavedChecked }) => {
      if (!unsavedChecked && !confirmDiscard(store, confirm)) return;
      void openDesign(store, host, path).catch((error: unknown) => store.getState().setNotice(errorMessage(error)));
    },
  };
}
