/**
 * A user command as an object (Excalidraw style): `perform` reads the editor state, calls pure
 * edit functions from app/design/edits and returns what changes. The store applies the result
 * and records the previous document in the undo history when the document changed.
 */

import type { Analysis } from '../../app/analysis/types';
import type { Fragment } from '../../app/design/edits';
import type { DesignDocument } from '../../app/design/types';

export interface EditorView {
  document: DesignDocument;
  analysis: Analysis;
  selection: readonly string[];
  selectedEdges: readonly string[];
  clipboard: Fragment | null;
  expanded: ReadonlySet<string>;
}

export interface ActionResult {
  document?: DesignDocument;
  selection?: readonly string[];
  selectedEdges?: readonly string[];
  clipboard?: Fragment | null;
  expanded?: ReadonlySet<string>;
  /** Consecutive results with the same key make one undo step (typing into one field). */
  coalesce?: string;
}

export interface Action<A = void> {
  name: string;
  /** What the undo menu says: "Undo Delete". */
  label: string;
  perform(view: EditorView, arg: A): ActionResult | null;
}
