/** Keyboard shortcuts: which key press runs which command. Pure, so it is unit-tested. */

import type { EditorCommand } from '../../app/menu/menuModel';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** `mod` is Cmd on macOS and Ctrl elsewhere; both are accepted everywhere. */
const withMod: Readonly<Record<string, EditorCommand>> = {
  z: 'undo',
  'shift+z': 'redo',
  y: 'redo',
  x: 'cut',
  c: 'copy',
  v: 'paste',
  a: 'selectAll',
  s: 'save',
  'shift+s': 'saveAs',
  o: 'open',
  e: 'exportPng',
  'alt+n': 'new',
  '=': 'zoomIn',
  '+': 'zoomIn',
  '-': 'zoomOut',
  '0': 'fitView',
  'shift+l': 'autoLayout',
  'shift+e': 'expandAll',
  'alt+e': 'collapseAll',
  b: 'togglePanels',
};

const plain: Readonly<Record<string, EditorCommand>> = {
  delete: 'delete',
  backspace: 'delete',
  '=': 'zoomIn',
  '+': 'zoomIn',
  '-': 'zoomOut',
  f: 'fitView',
  l: 'autoLayout',
  e: 'toggleExpand',
};

export function commandForKey(press: KeyPress): EditorCommand | null {
  const key = press.key.toLowerCase();
  if (press.ctrlKey || press.metaKey) {
    const combo = `${press.shiftKey ? 'shift+' : ''}${press.altKey ? 'alt+' : ''}${key}`;
    return withMod[combo] ?? null;
  }
  if (press.altKey) return null;
  return plain[key] ?? null;
}

/**
 * Save, Save As and Open: they apply while typing in a field (the field handles every other key
 * itself), and their keys never reach the browser, which would open its own file dialog.
 */
export function isFileShortcut(command: EditorCommand): boolean {
  return command === 'save' || command === 'saveAs' || command === 'open';
}
