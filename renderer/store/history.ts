/**
 * Undo history as pure data: each entry is the document and selection before a change. Edits
 * sharing a coalesce key in a row (typing into one parameter field) make a single entry.
 */

import type { DesignDocument } from '../../app/design/types';

export interface HistoryEntry {
  document: DesignDocument;
  selection: readonly string[];
  label: string;
  coalesce?: string;
}

export interface History {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
}

export const emptyHistory: History = { past: [], future: [] };

/** Most entries kept; the oldest drop off first. */
const LIMIT = 200;

/** Records `before` as the state to return to; clears the redo stack. */
export function record(history: History, before: HistoryEntry): History {
  const last = history.past.at(-1);
  if (before.coalesce !== undefined && last?.coalesce === before.coalesce && history.future.length === 0) {
    return history;
  }
  const past = [...history.past, before];
  return { past: past.length > LIMIT ? past.slice(past.length - LIMIT) : past, future: [] };
}

/** Steps back: returns the entry to restore and the history with `current` pushed to redo. */
export function undo(history: History, current: HistoryEntry): { history: History; restore: HistoryEntry } | null {
  const restore = history.past.at(-1);
  if (!restore) return null;
  return {
    restore,
    history: { past: history.past.slice(0, -1), future: [...history.future, { ...current, label: restore.label }] },
  };
}

export function redo(history: History, current: HistoryEntry): { history: History; restore: HistoryEntry } | null {
  const restore = history.future.at(-1);
  if (!restore) return null;
  return {
    restore,
    history: { past: [...history.past, { ...current, label: restore.label, coalesce: undefined }], future: history.future.slice(0, -1) },
  };
}
