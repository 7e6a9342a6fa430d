import { useCallback } from 'react';
import { errorMessage } from '../../app/result';
import { layoutAction } from '../actions/editActions';
import { layoutGraph } from '../layout/layoutClient';
import { inStages } from '../layout/stageLayout';
import { toDocument } from '../store/editorStore';
import { useEditorStore } from './useEditorStore';

const DEFAULT_SIZE = { width: 220, height: 90 };

/** Lays the design out with ELK in a worker, cut into stage columns; one undoable change, then the view shows its start. */
export function useAutoLayout(): () => Promise<void> {
  const store = useEditorStore();
  return useCallback(async () => {
    const state = store.getState();
    const boxes = state.flow.nodes
      .filter((node) => node.parentId === undefined)
      .map((node) => ({
        id: node.id,
        width: node.measured?.width ?? node.width ?? DEFAULT_SIZE.width,
        height: node.measured?.height ?? node.height ?? DEFAULT_SIZE.height,
      }));
    try {
      const layered = await layoutGraph({ nodes: boxes, edges: state.document.edges });
      const latest = store.getState();
      const { offsets } = latest.flow;
      const positions = inStages(
        boxes.filter((box) => layered[box.id] !== undefined).map((box) => ({ ...box, ...layered[box.id] })),
        latest.analysis,
      );
      latest.run(layoutAction, new Map([...positions].map(([id, at]) => [id, toDocument(at, offsets.get(id))])));
      latest.requestFit();
    } catch (error) {
      store.getState().setNotice(errorMessage(error));
    }
  }, [store]);
}
