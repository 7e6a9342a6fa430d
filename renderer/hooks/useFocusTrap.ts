import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { focusablesIn } from '../dom/focusable';

export interface FocusTrapOptions {
  /** Escape closes the dialog; absent: Escape does nothing (a dialog that must be answered). */
  onEscape?: () => void;
  /** A selector inside the dialog for the element to focus first; default: the first focusable one. */
  initialFocus?: string;
  /** Takes focus on close instead of returning it where it was; says whether it did (e.g. a dialog that opened something). */
  focusOnClose?: () => boolean;
}

/** Open traps, innermost last: only the top one handles keys and pulls focus back. */
const openTraps: HTMLElement[] = [];
const isTop = (element: HTMLElement): boolean => openTraps.at(-1) === element;

/**
 * Makes the element a modal dialog for the keyboard while the calling component is mounted
 * (mount it when the dialog opens): focus moves into it, Tab and Shift+Tab cycle inside it,
 * Escape calls `onEscape`, and on close focus returns to where it was before it opened.
 * Nested dialogs stack; the innermost one owns the keyboard.
 */
export function useFocusTrap<T extends HTMLElement>(options: FocusTrapOptions = {}): RefObject<T | null> {
  const ref = useRef<T>(null);
  // The latest options without re-running the effect (a new onEscape each render is normal).
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  // A layout effect: focus is inside before the dialog is painted, so a key typed the moment it
  // appears (Enter in Save As) reaches the dialog, not what had focus before.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openTraps.push(dialog);

    const focusInitial = () => {
      const selector = latest.current.initialFocus;
      const chosen = (selector ? dialog.querySelector<HTMLElement>(selector) : null) ?? focusablesIn(dialog)[0] ?? dialog;
      if (chosen === dialog && !dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
      chosen.focus();
    };
    focusInitial();

    const onKeyDown = (event: KeyboardEvent) => {
      if (!isTop(dialog)) return;
      if (event.key === 'Escape') {
        const close = latest.current.onEscape;
        event.preventDefault();
        event.stopPropagation();
        close?.();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusables = focusablesIn(dialog);
      if (focusables.length === 0) {
        event.preventDefault();
        return;
      }
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      const active = document.activeElement;
      const outside = !(active instanceof Node) || !dialog.contains(active);
      if (event.shiftKey && (active === first || outside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || outside)) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that lands outside (a click on the backdrop, a script) comes back in.
    const onFocusIn = (event: FocusEvent) => {
      if (isTop(dialog) && event.target instanceof Node && !dialog.contains(event.target)) focusInitial();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);

    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      openTraps.splice(openTraps.indexOf(dialog), 1);
      const below = openTraps.at(-1);
      // Back where focus was, or into the dialog still open underneath.
      if (!below && latest.current.focusOnClose?.()) return;
      if (before?.isConnected && (!below || below.contains(before))) before.focus();
      else if (below) (focusablesIn(below)[0] ?? below).focus();
    };
  }, []);

  return ref;
}
