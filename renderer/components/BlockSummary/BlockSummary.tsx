import { memo } from 'react';
import type { BlockNodeData } from '../../store/flowTypes';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { toggleExpandAction } from '../../actions/selectionActions';
import './BlockSummary.css';

interface BlockSummaryProps {
  id: string;
  data: BlockNodeData;
}

/** `Custom Inception-A: 2 layers set differently` */
function customText(data: BlockNodeData): string {
  return `Custom ${data.typeLabel}: ${data.customLayers} layer${data.customLayers === 1 ? '' : 's'} set differently`;
}

/** Name, type (and whether it is a custom block), key parameters, output shape and parameter count of a design node. */
function BlockSummaryView({ id, data }: BlockSummaryProps) {
  const store = useEditorStore();
  // Only the classifier a run wants to resize sees a value: the other nodes skip re-rendering.
  const resize = useEditor((s) => (s.ui.classifierResize?.node === id ? s.ui.classifierResize : null));
  return (
    <div className="block-summary">
      <div className="block-summary__header">
        <span className="block-summary__title">{data.title}</span>
        <span className="block-summary__type" title={data.typeLabel}>
          {data.typeLabel}
        </span>
        {data.customLayers > 0 ? (
          <span className="block-summary__custom" title={customText(data)} aria-label={customText(data)}>
            custom
          </span>
        ) : null}
        {data.expandable ? (
          <button
            type="button"
            className="block-summary__expand nodrag"
            aria-label={`${data.expanded ? 'Collapse' : 'Expand'} ${data.title}`}
            aria-expanded={data.expanded}
            onClick={() => store.getState().run(toggleExpandAction, [id])}
          >
            {data.expanded ? '−' : '+'}
          </button>
        ) : null}
      </div>
      <div className="block-summary__footer">
        <span className="block-summary__shape" aria-label="Output shape">
          {data.output}
        </span>
        <span className="block-summary__count" aria-label="Parameters and MACs">
          {[data.params, data.macs].filter(Boolean).join(' · ')}
        </span>
      </div>
      {resize ? (
        <div className="block-summary__resize" aria-label="Pending classifier resize">
          {resize.from} → {resize.to} classes for the dataset?
        </div>
      ) : null}
      {data.keyParams ? <div className="block-summary__params">{data.keyParams}</div> : null}
      {data.problems ? (
        <div className={`block-summary__problems block-summary__problems--${data.severity ?? 'warning'}`} role="tooltip">
          {data.problems}
        </div>
      ) : null}
    </div>
  );
}

export const BlockSummary = memo(BlockSummaryView);
