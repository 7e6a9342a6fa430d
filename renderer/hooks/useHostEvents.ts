import { useEffect } from 'react';
import { isTypingTarget } from '../dom/typingTarget';
import { useEditorContext } from './useEditorContext';
import type { EditorCommand } from './useCommands';

/** Edit commands the desktop host also performs natively in the focused text field. */
const EDIT_COMMANDS: ReadonlySet<EditorCommand> = new Set(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);

/**
 * Runs the host's menu commands (the desktop menu bar and its accelerators). While a text field
 * has focus, its own undo, copy, delete… apply there, not to the design.
 */
export function useHostEvents(run: (command: EditorCommand) => void): void {
  const { host } = useEditorContext();
  useEffect(
    () =>
      host.onEvent((event) => {
        if (event.type !== 'menu') return;
        if (EDIT_COMMANDS.has(event.command) && isTypingTarget(document.activeElement)) return;
        run(event.command);
      }),
    [host, run],
  );
}
