import { memo } from 'react';
import { formatBytes, formatExact, formatShape } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { ProvenanceList } from '../ProvenanceList/ProvenanceList';
import { outputBytes } from '../../../app/analysis/analyze';

/** `[3, 3]` → `3×3`; other values as written. */
const valueText = (value: unknown): string => (Array.isArray(value) ? value.join('×') : String(value));

/** One layer inside an expanded block: its settings (kernel, strides, padding, filters, activation…), shape provenance and costs. */
function LayerInspectorView({ id }: { id: string }) {
  const layer = useEditor((s) => s.analysis.graph.layers.find((candidate) => candidate.id === id));
  const result = useEditor((s) => s.analysis.layers[id]);
  if (!layer || !result) return null;
  return (
    <>
      <h2 className="panel-heading">
        {id} <span className="inspector__type">{layer.kind} layer</span>
      </h2>
      <p className="inspector__description">A layer of block {layer.nodeId}; the block's parameters set it.</p>
      <dl className="inspector__facts" aria-label="Layer settings">
        {Object.entries(layer.params).map(([name, value]) => (
          <FactRow key={name} name={name} value={valueText(value)} />
        ))}
        <FactRow name="Inputs" value={layer.inputs.join(', ') || '—'} />
        <FactRow name="Output" value={formatShape(result.output)} />
        <FactRow name="Parameters" value={`${formatExact(result.cost.trainable)} trainable, ${formatExact(result.cost.nonTrainable)} fixed`} />
        <FactRow name="MACs" value={formatExact(result.cost.macs)} />
        <FactRow name="Activations" value={`${formatBytes(result.output ? outputBytes(result.output) : 0)} per image`} />
      </dl>
      <section aria-label="Shape provenance">
        <h3 className="panel-subheading">Shape provenance</h3>
        <ProvenanceList steps={result.provenance} />
      </section>
    </>
  );
}

function FactRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd aria-label={`Layer ${name}`}>{value}</dd>
    </>
  );
}

export const LayerInspector = memo(LayerInspectorView);
