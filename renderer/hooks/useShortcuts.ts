import { useEffect, useRef } from 'react';
import { commandForKey, isFileShortcut } from '../actions/shortcuts';
import { isTypingTarget } from '../dom/typingTarget';
import type { EditorCommand } from '../../app/menu/menuModel';

/**
 * Runs keyboard shortcuts through the same commands as the menus. The listener stays for the
 * page's life and reads `enabled` as of the latest render: re-adding it after each dialog closed
 * left a gap (effects run after paint) in which Ctrl+O or Ctrl+S reached the browser and opened
 * its own file dialog. While disabled (a dialog is open) Ctrl+S and Ctrl+O are still kept from
 * the browser; every other key stays with the dialog (copying its text, for one).
 */
export function useShortcuts(run: (command: EditorCommand) => void, enabled: boolean): void {
  const latest = useRef({ run, enabled });
  latest.current = { run, enabled };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (command === null) return;
      if (isTypingTarget(event.target) && !isFileShortcut(command)) return;
      const { run: runCommand, enabled: active } = latest.current;
      if (!active && !isFileShortcut(command)) return;
      event.preventDefault();
      if (active) runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
