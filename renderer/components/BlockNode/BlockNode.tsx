import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BlockFlowNode, ExpandedFlowNode } from '../../store/flowTypes';
import { BlockSummary } from '../BlockSummary/BlockSummary';
import { InputPorts } from '../InputPorts/InputPorts';
import './BlockNode.css';

/**
 * A design node (a block or a layer): its summary, ordered input ports and output. Expanded,
 * it is the frame of a React Flow sub-flow whose children are the block's layers.
 */
function BlockNodeView({ id, type, data, selected }: NodeProps<BlockFlowNode | ExpandedFlowNode>) {
  const expanded = type === 'expanded';
  const classes = ['block-node', expanded ? 'block-node--expanded' : '', data.severity ? `block-node--${data.severity}` : '', selected ? 'block-node--selected' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      role="group"
      aria-label={`Node ${data.title}${expanded ? ' (expanded)' : ''}`}
      aria-invalid={data.severity === 'error'}
      title={data.problems || undefined}
      data-testid={`node-${id}`}
    >
      <InputPorts nodeId={id} title={data.title} ports={data.ports} connected={data.connected} />
      <BlockSummary id={id} data={data} />
      <Handle type="source" id="out" position={Position.Bottom} className="output-port" aria-label={`${data.title} output`} />
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
