import { memo } from 'react';
import { getNodeType } from '../../../app/design/nodeTypes';
import { customLayerCount } from '../../../app/design/customBlocks';
import { revertBlockAction } from '../../actions/customBlockActions';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';

/** Whether block `id` is a custom block (layers set differently from its template), with the way back. */
function CustomBlockNoteView({ id }: { id: string }) {
  const store = useEditorStore();
  const node = useEditor((s) => s.document.nodes.find((n) => n.id === id));
  if (!node || getNodeType(node.type)?.kind !== 'block') return null;
  const base = getNodeType(node.type)?.info.label ?? node.type;
  const count = customLayerCount(node);
  if (count === 0) {
    return <p className="inspector__custom">Editing a layer makes {id} a custom block; the other {base} blocks and the presets stay as they are.</p>;
  }
  return (
    <div className="inspector__custom inspector__custom--active" role="note" aria-label="Custom block">
      <p>
        {id} is a custom {base}: {count} layer{count === 1 ? '' : 's'} set differently from the template.
      </p>
      <button type="button" onClick={() => store.getState().run(revertBlockAction, id)}>
        Revert to {base}
      </button>
    </div>
  );
}

export const CustomBlockNote = memo(CustomBlockNoteView);
