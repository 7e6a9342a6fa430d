import { memo } from 'react';
import type { GridStep } from '../../../app/layers/types';
import { formatProvenance } from '../../../app/analysis/analyze';
import './ProvenanceList.css';

interface ProvenanceListProps {
  steps: readonly GridStep[];
}

/** How the grid got from the network input to this node: one line of arithmetic per step. */
function ProvenanceListView({ steps }: ProvenanceListProps) {
  if (steps.length === 0) return <p className="provenance__none">The grid is unchanged from the input.</p>;
  return (
    <div className="provenance">
      <p className="provenance__summary">{formatProvenance(steps)}</p>
      <ol className="provenance__steps">
        {steps.map((step, index) => (
          <li key={`${step.layerId}-${index}`}>
            <span className="provenance__layer">{step.layerId}</span> <span className="provenance__op">{step.op}</span>
            <div className="provenance__formula">{step.formula}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const ProvenanceList = memo(ProvenanceListView);
