import { useEffect } from 'react';
import { appliesWhileTyping, commandForKey } from '../actions/shortcuts';
import { isTypingTarget } from '../dom/typingTarget';
import type { EditorCommand } from '../../app/menu/menuModel';

/** Runs keyboard shortcuts through the same commands as the menus. */
export function useShortcuts(run: (command: EditorCommand) => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (command === null) return;
      if (isTypingTarget(event.target) && !appliesWhileTyping(command)) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, enabled]);
}
