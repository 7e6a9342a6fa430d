import { memo, useCallback } from 'react';
import { getNodeType } from '../../../app/design/nodeTypes';
import type { ParamValue, ParamValues } from '../../../app/design/types';
import { setLayerParamsAction } from '../../actions/customBlockActions';
import { formatBytes, formatExact, formatShape } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { ParamField } from '../ParamField/ParamField';
import { ProvenanceList } from '../ProvenanceList/ProvenanceList';
import { outputBytes } from '../../../app/analysis/analyze';
import { CustomBlockNote } from './CustomBlockNote';

/**
 * One layer inside an expanded block: its settings (kernel, strides, padding, filters,
 * activation…) as editable fields, shape provenance and costs. An edit makes the block a
 * custom block.
 */
function LayerInspectorView({ id }: { id: string }) {
  const store = useEditorStore();
  const layer = useEditor((s) => s.analysis.graph.layers.find((candidate) => candidate.id === id));
  const result = useEditor((s) => s.analysis.layers[id]);
  const onChange = useCallback((name: string, value: ParamValue) => store.getState().run(setLayerParamsAction, { layer: id, values: { [name]: value } }), [id, store]);
  if (!layer || !result) return null;
  const info = getNodeType(layer.kind)?.info;
  const values = layer.params as ParamValues;
  return (
    <>
      <h2 className="panel-heading">
        {id} <span className="inspector__type">{info?.label ?? layer.kind} layer</span>
      </h2>
      <p className="inspector__description">A layer of block {layer.nodeId}.</p>
      <CustomBlockNote id={layer.nodeId} />
      {info && info.params.length > 0 ? (
        <form className="inspector__params" aria-label="Layer settings" onSubmit={(event) => event.preventDefault()}>
          {info.params.map((spec) => (
            <ParamField key={`${id}:${spec.name}`} spec={spec} value={values[spec.name] ?? spec.default} onChange={onChange} />
          ))}
        </form>
      ) : null}
      <dl className="inspector__facts" aria-label="Layer facts">
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
