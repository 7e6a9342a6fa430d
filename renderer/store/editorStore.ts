/**
 * The editor's one zustand store: the document, its analysis (recomputed on every change,
 * memoised by document identity), selection, expansion, clipboard, undo history, and the
 * React Flow elements derived from them. Framework-free (zustand/vanilla) so it is unit-tested
 * in Node; components read it through narrow selectors.
 */

import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis } from '../../app/analysis/types';
import type { ClassifierResize } from '../../app/design/classifierResize';
import type { NodeTypeInfo } from '../../app/design/paramSpec';
import type { DesignDocument, SchemaIssue } from '../../app/design/types';
import type { FileRef, RecoveryCopy } from '../../app/protocol';
import type { Action, ActionResult, EditorView } from '../actions/types';
import { moveAction } from '../actions/editActions';
import { buildFlow, type FlowElements } from './buildFlow';
import { LAYER_PREFIX, type FlowEdge, type FlowNode } from './flowTypes';
import { emptyHistory, record, redo, undo, type History, type HistoryEntry } from './history';

export interface EditorDeps {
  analyze(document: DesignDocument): Analysis;
  nodeType(type: string): NodeTypeInfo | undefined;
}

/** A file that could not be opened: shown to the user, the document stays as it was. */
export interface OpenProblem {
  title: string;
  message: string;
  issues: readonly SchemaIssue[];
}

/** Which overlays and panels show; not part of the document or its history. */
export interface UiState {
  startScreen: boolean;
  fileDialog: 'open' | 'saveAs' | null;
  panelsHidden: boolean;
  /** Unsaved designs from earlier windows or tabs, offered for restoring; empty when none. */
  recovery: readonly RecoveryCopy[];
  /** The About dialog (Help › About). */
  about: boolean;
  /** The preset whose options dialog shows, before it opens; null when none. */
  presetDialog: string | null;
  /** A run asked to size the classifier to the dataset, waiting for the user's answer; null when none. */
  classifierResize: ClassifierResize | null;
  /** File › Export model…: open, with the checkpoint to export chosen (null: the design); null when closed. */
  modelExport: { checkpoint: string | null } | null;
  /** File › Import model…. */
  modelImport: boolean;
}

export interface EditorState extends EditorView {
  ui: UiState;
  file: FileRef | null;
  /** The document as last saved or opened; the document is dirty when it is not this one. */
  saved: DesignDocument;
  history: History;
  flow: FlowElements;
  problem: OpenProblem | null;
  /** A short message for the status line ("Saved to …"). */
  notice: string | null;
  /** Bumped when the canvas should fit the view to the graph (after open, layout). */
  fitRequest: number;
  /** Why the design is read-only (a training run uses it); null when it can be edited. */
  lockReason: string | null;
  /** A layer inside an expanded block that the inspector shows; null when none. */
  selectedLayer: string | null;
}

export interface EditorCommands {
  run<A>(action: Action<A>, arg: A): boolean;
  undo(): boolean;
  redo(): boolean;
  /**
   * Replaces the document (new, open, preset, restore): clears history, selection and
   * expansion. `unsaved`: the document is not what the file holds (a restored recovery copy).
   */
  load(document: DesignDocument, file: FileRef | null, options?: { unsaved?: boolean }): void;
  /** Records that `document` (the one written, maybe older than the current one) is on disk. */
  markSaved(file: FileRef, document: DesignDocument): void;
  setProblem(problem: OpenProblem | null): void;
  setNotice(notice: string | null): void;
  requestFit(): void;
  setUi(patch: Partial<UiState>): void;
  /** Makes the design read-only (edits, undo and redo are refused with this notice) or editable again. */
  setLockReason(reason: string | null): void;
  /** Shows one layer of an expanded block in the inspector (the node selection clears). */
  selectLayer(id: string): void;
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  /** Ends a drag: the moved positions become one undoable change. */
  commitDrag(nodes: readonly { id: string; position: { x: number; y: number } }[]): void;
}

export type EditorStore = StoreApi<EditorState & EditorCommands>;

/** A canvas position back in document terms (without the room made for expanded blocks). */
export function toDocument(position: { x: number; y: number }, offset = 0): { x: number; y: number } {
  return { x: Math.round(position.x), y: Math.round(position.y - offset) };
}

export function isDirty(state: Pick<EditorState, 'document' | 'saved'>): boolean {
  return state.document !== state.saved;
}

export function createEditorStore(initial: DesignDocument, deps: EditorDeps): EditorStore {
  let memo: { document: DesignDocument; analysis: Analysis } | null = null;
  const analyse = (document: DesignDocument): Analysis => {
    if (memo?.document !== document) memo = { document, analysis: deps.analyze(document) };
    return memo.analysis;
  };

  const flowOf = (view: EditorView, selectedLayer: string | null, prev: FlowElements): FlowElements =>
    buildFlow(
      {
        document: view.document,
        analysis: view.analysis,
        selection: new Set(view.selection),
        selectedEdges: new Set(view.selectedEdges),
        expanded: view.expanded,
        selectedLayer,
        nodeType: deps.nodeType,
      },
      prev,
    );

  const initialView: EditorView = {
    document: initial,
    analysis: analyse(initial),
    selection: [],
    selectedEdges: [],
    clipboard: null,
    expanded: new Set(),
  };

  return createStore<EditorState & EditorCommands>()((set, get) => {
    /** Applies a view change and rebuilds the flow elements (unchanged ones keep identity). */
    const apply = (patch: Partial<EditorState>) => {
      const state = get();
      const next = { ...state, ...patch };
      if (patch.document !== undefined) next.analysis = analyse(patch.document);
      // Selecting a node, or a layer vanishing (collapsed, edited away), ends the layer's turn in the inspector.
      if (next.selectedLayer !== null && (next.selection.length > 0 || next.analysis.layers[next.selectedLayer] === undefined)) next.selectedLayer = null;
      const knownIds = new Set(next.document.nodes.map((n) => n.id));
      next.selection = next.selection.filter((id) => knownIds.has(id));
      next.flow = flowOf(next, next.selectedLayer, state.flow);
      set(next);
    };

    const entry = (state: EditorState, result?: ActionResult, label = ''): HistoryEntry => ({
      document: state.document,
      selection: state.selection,
      label,
      ...(result?.coalesce === undefined ? {} : { coalesce: result.coalesce }),
    });

    const restore = (step: { history: History; restore: HistoryEntry } | null): boolean => {
      if (!step) return false;
      apply({ history: step.history, document: step.restore.document, selection: step.restore.selection, selectedEdges: [] });
      return true;
    };

    /** While a training run uses the design, says why and refuses the edit. */
    const refusedWhileLocked = (): boolean => {
      const reason = get().lockReason;
      if (reason !== null) set({ notice: reason });
      return reason !== null;
    };

    return {
      ...initialView,
      file: null,
      saved: initial,
      history: emptyHistory,
      flow: flowOf(initialView, null, { nodes: [], edges: [], offsets: new Map() }),
      problem: null,
      notice: null,
      fitRequest: 0,
      lockReason: null,
      selectedLayer: null,
      ui: { startScreen: true, fileDialog: null, panelsHidden: false, recovery: [], about: false, presetDialog: null, classifierResize: null, modelExport: null, modelImport: false },

      run(action, arg) {
        const state = get();
        const result = action.perform(state, arg);
        if (!result) return false;
        if (result.document !== undefined && result.document !== state.document && refusedWhileLocked()) return false;
        const patch: Partial<EditorState> = {};
        if (result.document !== undefined && result.document !== state.document) {
          patch.document = result.document;
          patch.history = record(state.history, entry(state, result, action.label));
        }
        if (result.selection !== undefined) patch.selection = result.selection;
        if (result.selectedEdges !== undefined) patch.selectedEdges = result.selectedEdges;
        if (result.expanded !== undefined) patch.expanded = result.expanded;
        if (result.clipboard !== undefined) patch.clipboard = result.clipboard;
        apply(patch);
        return true;
      },

      undo: () => !refusedWhileLocked() && restore(undo(get().history, entry(get()))),
      redo: () => !refusedWhileLocked() && restore(redo(get().history, entry(get()))),

      load(document, file, options) {
        apply({
          document,
          // Dirtiness is identity: a copy marks the restored document as not saved anywhere yet.
          saved: options?.unsaved ? { ...document } : document,
          file,
          history: emptyHistory,
          selection: [],
          selectedEdges: [],
          expanded: new Set(),
          problem: null,
          notice: null,
          fitRequest: get().fitRequest + 1,
          ui: { ...get().ui, startScreen: false, fileDialog: null, presetDialog: null, classifierResize: null },
        });
      },

      markSaved(file, document) {
        set({ saved: document, file });
      },

      setProblem: (problem) => set({ problem }),
      setNotice: (notice) => set({ notice }),
      requestFit: () => set({ fitRequest: get().fitRequest + 1 }),
      setUi: (patch) => set({ ui: { ...get().ui, ...patch } }),
      setLockReason: (lockReason) => set({ lockReason }),
      selectLayer: (selectedLayer) => apply({ selectedLayer, selection: [], selectedEdges: [] }),

      onNodesChange(changes) {
        const state = get();
        const selects = changes.filter((c) => c.type === 'select' && !c.id.startsWith(LAYER_PREFIX));
        const others = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
        if (others.length > 0) set({ flow: { ...state.flow, nodes: applyNodeChanges(others, state.flow.nodes) } });
        if (selects.length > 0) {
          const selection = new Set(get().selection);
          for (const change of selects) {
            if (change.type !== 'select') continue;
            if (change.selected) selection.add(change.id);
            else selection.delete(change.id);
          }
          apply({ selection: [...selection] });
        }
      },

      onEdgesChange(changes) {
        const selects = changes.filter((c) => c.type === 'select' && !c.id.startsWith(LAYER_PREFIX));
        if (selects.length === 0) return;
        const selected = new Set(get().selectedEdges);
        for (const change of selects) {
          if (change.type !== 'select') continue;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        const state = get();
        set({ selectedEdges: [...selected], flow: { ...state.flow, edges: applyEdgeChanges(selects, state.flow.edges) } });
      },

      commitDrag(nodes) {
        const { offsets } = get().flow;
        const moves = new Map(nodes.filter((n) => !n.id.startsWith(LAYER_PREFIX)).map((n) => [n.id, toDocument(n.position, offsets.get(n.id))]));
        if (!get().run(moveAction, moves)) apply({});
      },
    };
  });
}
