import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../../store/flowTypes';
import './ShapeEdge.css';

/** Labels are unreadable when zoomed far out; hiding them keeps big graphs fast. */
const showLabels = (state: ReactFlowState) => state.transform[2] >= 0.45;

/** An edge labelled with the tensor shape it carries; red with the message when it is wrong. */
function ShapeEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<FlowEdge>) {
  const labelled = useStore(showLabels);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const error = data?.error ?? false;
  return (
    <>
      <BaseEdge id={id} path={path} className={`shape-edge${error ? ' shape-edge--error' : ''}${selected ? ' shape-edge--selected' : ''}`} />
      {labelled && data ? (
        <EdgeLabelRenderer>
          <div
            className={`shape-edge__label nodrag nopan${error ? ' shape-edge__label--error' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={data.problems || undefined}
            aria-label={`Edge ${id} carries ${data.label}`}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
