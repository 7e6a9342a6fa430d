/** Which elements take keyboard focus, in document order: for focus traps and roving focus. */

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The visible, enabled elements inside `root` that Tab reaches. */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.matches(':disabled') && !element.closest('[inert]') && element.getClientRects().length > 0);
}
