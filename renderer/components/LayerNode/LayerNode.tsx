import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from '../../store/flowTypes';
import './LayerNode.css';

/** One layer inside an expanded block. */
function LayerNodeView({ data }: NodeProps<LayerFlowNode>) {
  return (
    <div
      className={`layer-node${data.severity ? ` layer-node--${data.severity}` : ''}`}
      role="group"
      aria-label={`Layer ${data.title}`}
      title={data.problems || `${data.title}: ${data.kind}`}
    >
      <Handle type="target" id="in-0" position={Position.Top} className="layer-node__port" isConnectable={false} />
      <div className="layer-node__title">{data.title}</div>
      <div className="layer-node__footer">
        <span>{data.kind}</span>
        <span className="layer-node__shape">{data.output}</span>
      </div>
      <Handle type="source" id="out" position={Position.Bottom} className="layer-node__port" isConnectable={false} />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
