import { useEffect, useRef } from 'react';
import type { EditorCommand } from '../../app/menu/menuModel';
import type { CommandOptions } from '../commands/editorCommands';
import { createHostEventHandlers, dispatchHostEvent } from '../commands/hostEvents';
import { isTypingTarget } from '../dom/typingTarget';
import { useEditorContext } from './useEditorContext';
import { useExperimentStore } from './useExperiments';
import { useRunStore } from './useRun';

/**
 * Hears every event the host pushes (training, crashes, menu commands, files to open) for as long
 * as the workspace is up, and hands each to its handler. One subscription per host, so no event
 * falls between an unsubscribe and the next subscribe.
 */
export function useHostEvents(run: (command: EditorCommand, options: CommandOptions) => void): void {
  const { host, store } = useEditorContext();
  const runStore = useRunStore();
  const experimentStore = useExperimentStore();
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  useEffect(() => {
    const handlers = createHostEventHandlers({
      store,
      runStore,
      experimentStore,
      host,
      run: (command, options) => latestRun.current(command, options),
      confirm: (message) => window.confirm(message),
      isTyping: () => isTypingTarget(document.activeElement),
    });
    return host.onEvent((event) => dispatchHostEvent(handlers, event));
  }, [experimentStore, host, runStore, store]);
}
