import { describe, expect, it } from 'vitest';
import { buildPreset } from '../../app/presets/index';
import { addNodeAction, connectAction, copyAction, deleteAction, insertAfterAction, pasteAction, setParamsAction } from '../actions/editActions';
import { selectAllAction, toggleExpandAction } from '../actions/selectionActions';
import { emptyDesign } from '../documents/emptyDesign';
import { defaultDeps } from './defaultDeps';
import { createEditorStore, isDirty } from './editorStore';
import { LAYER_PREFIX } from './flowTypes';

function store() {
  return createEditorStore(emptyDesign(), defaultDeps);
}

describe('editor store', () => {
  it('adds a block after the selection and analyses it at once', () => {
    const s = store();
    s.getState().run(selectAllAction, undefined);
    s.getState().run(insertAfterAction, { type: 'stemV4' });
    const state = s.getState();
    expect(state.selection).toEqual(['stem']);
    expect(state.document.edges).toEqual([{ source: 'input', target: 'stem', port: 0 }]);
    expect(state.analysis.nodes.stem.output).toEqual([35, 35, 384]);
    expect(state.flow.nodes.find((n) => n.id === 'stem')?.data.output).toBe('35×35×384');
    expect(state.flow.edges[0].data?.label).toBe('299×299×3');
    expect(isDirty(state)).toBe(true);
  });

  it('undoes and redoes each change, restoring the selection', () => {
    const s = store();
    s.getState().run(addNodeAction, { type: 'conv2d', position: { x: 0, y: 150 } });
    s.getState().run(connectAction, { source: 'input', target: 'conv2d', port: 0 });
    const connected = s.getState().document;
    expect(s.getState().undo()).toBe(true);
    expect(s.getState().document.edges).toEqual([]);
    expect(s.getState().undo()).toBe(true);
    expect(s.getState().document.nodes).toHaveLength(1);
    expect(s.getState().undo()).toBe(false);
    expect(isDirty(s.getState())).toBe(false);
    s.getState().redo();
    expect(s.getState().selection).toEqual(['conv2d']);
    s.getState().redo();
    expect(s.getState().document).toBe(connected);
    expect(s.getState().redo()).toBe(false);
  });

  it('coalesces typing into one parameter as a single undo step', () => {
    const s = store();
    s.getState().run(addNodeAction, { type: 'conv2d', position: { x: 0, y: 150 } });
    for (const filters of [6, 64, 640]) s.getState().run(setParamsAction, { id: 'conv2d', values: { filters } });
    expect(s.getState().history.past).toHaveLength(2);
    s.getState().undo();
    expect(s.getState().document.nodes[1].params).toEqual({});
  });

  it('commits a drag as one move and keeps identity of the nodes that did not move', () => {
    const s = createEditorStore(buildPreset('inception-v4'), defaultDeps);
    const before = s.getState().flow;
    s.getState().onNodesChange([
      { type: 'position', id: 'a1', position: { x: 50, y: 210 }, dragging: true },
      { type: 'position', id: 'a1', position: { x: 80, y: 220 }, dragging: true },
    ]);
    expect(s.getState().history.past).toHaveLength(0);
    s.getState().commitDrag([{ id: 'a1', position: { x: 80, y: 220 } }]);
    const after = s.getState().flow;
    expect(s.getState().history.past).toHaveLength(1);
    expect(s.getState().document.nodes.find((n) => n.id === 'a1')?.position).toEqual({ x: 80, y: 220 });
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['a1']);
    expect(after.edges.every((e, i) => e === before.edges[i])).toBe(true);
  });

  it('re-creates only the nodes whose shapes change when a parameter changes', () => {
    const s = createEditorStore(buildPreset('inception-v4'), defaultDeps);
    const before = s.getState().flow.nodes;
    s.getState().run(setParamsAction, { id: 'logits', values: { units: 10 } });
    const after = s.getState().flow.nodes;
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['logits', 'softmax']);
  });

  it('copies and pastes with internal edges and fresh ids, and deletes the selection', () => {
    const s = store();
    s.getState().run(insertAfterAction, { type: 'conv2d' });
    s.getState().run(insertAfterAction, { type: 'maxPool' });
    s.getState().run(selectAllAction, undefined);
    s.getState().run(copyAction, undefined);
    s.getState().run(pasteAction, undefined);
    const state = s.getState();
    expect(state.selection).toEqual(['input2', 'conv2d2', 'maxPool2']);
    expect(state.document.edges).toContainEqual({ source: 'conv2d2', target: 'maxPool2', port: 0 });
    s.getState().run(deleteAction, undefined);
    expect(s.getState().document.nodes.map((n) => n.id)).toEqual(['input', 'conv2d', 'maxPool']);
  });

  it('expands a block into its layers inside a group and collapses it back', () => {
    const s = createEditorStore(buildPreset('inception-v4'), defaultDeps);
    s.getState().run(toggleExpandAction, ['a1']);
    const group = s.getState().flow.nodes.find((n) => n.id === 'a1');
    const layers = s.getState().flow.nodes.filter((n) => n.parentId === 'a1');
    expect(group?.type).toBe('expanded');
    expect(layers.length).toBe(s.getState().analysis.nodes.a1.layers.length);
    expect(layers.every((n) => n.id.startsWith(LAYER_PREFIX))).toBe(true);
    const a2 = s.getState().document.nodes.find((n) => n.id === 'a2')!;
    const shown = s.getState().flow.nodes.find((n) => n.id === 'a2')!;
    expect(shown.position.y - a2.position.y).toBe((group?.height ?? 0) - 62);

    // Dragging a shifted node stores its document position, without the shift.
    s.getState().commitDrag([{ id: 'a2', position: { x: shown.position.x + 10, y: shown.position.y } }]);
    expect(s.getState().document.nodes.find((n) => n.id === 'a2')?.position).toEqual({ x: a2.position.x + 10, y: a2.position.y });

    s.getState().run(toggleExpandAction, ['a1']);
    expect(s.getState().flow.nodes.some((n) => n.parentId === 'a1')).toBe(false);
    expect(s.getState().flow.nodes.find((n) => n.id === 'a2')?.position.y).toBe(a2.position.y);
  });

  it('marks the offending node and edge of a grid mismatch', () => {
    const s = store();
    s.getState().run(addNodeAction, { type: 'conv2d', position: { x: 0, y: 100 } });
    s.getState().run(setParamsAction, { id: 'conv2d', values: { strides: [2, 2], padding: 'valid' } });
    s.getState().run(addNodeAction, { type: 'concat', position: { x: 0, y: 200 } });
    s.getState().run(connectAction, { source: 'input', target: 'conv2d', port: 0 });
    s.getState().run(connectAction, { source: 'conv2d', target: 'concat', port: 0 });
    s.getState().run(connectAction, { source: 'input', target: 'concat', port: 1 });
    const error = s.getState().analysis.diagnostics.find((d) => d.code === 'concat-grid-mismatch');
    expect(error).toBeDefined();
    const node = s.getState().flow.nodes.find((n) => n.id === error?.nodes[0]);
    expect(node?.data.severity).toBe('error');
    expect(node?.data.problems).toContain(error?.message);
  });

  it('load replaces the document, clears history and asks for a fit', () => {
    const s = store();
    s.getState().run(insertAfterAction, { type: 'conv2d' });
    s.getState().load(buildPreset('inception-resnet-v2'), null);
    expect(s.getState().history.past).toHaveLength(0);
    expect(s.getState().fitRequest).toBe(1);
    expect(isDirty(s.getState())).toBe(false);
    expect(s.getState().ui.startScreen).toBe(false);
  });
});
