import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from '../../store/flowTypes';
import './LayerNode.css';

/** One layer inside an expanded block; the one the inspector shows is highlighted, a changed one marked. */
function LayerNodeView({ data }: NodeProps<LayerFlowNode>) {
  const classes = ['layer-node', data.severity ? `layer-node--${data.severity}` : '', data.selected ? 'layer-node--selected' : '', data.custom ? 'layer-node--custom' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      role="group"
      aria-label={`Layer ${data.title}`}
      aria-current={data.selected ? 'true' : undefined}
      title={data.problems || `${data.title}: ${data.kind}${data.custom ? ' (set differently from the template)' : ''}`}
    >
      <Handle type="target" id="in-0" position={Position.Top} className="layer-node__port" isConnectable={false} />
      <div className="layer-node__title">
        {data.custom ? <span className="layer-node__custom" aria-label="changed">● </span> : null}
        {data.title}
      </div>
      <div className="layer-node__footer">
        <span>{data.kind}</span>
        <span className="layer-node__shape">{data.output}</span>
      </div>
      <Handle type="source" id="out" position={Position.Bottom} className="layer-node__port" isConnectable={false} />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
