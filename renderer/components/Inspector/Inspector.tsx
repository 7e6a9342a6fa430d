import { memo, useCallback } from 'react';
import { resolveParams } from '../../../app/design/resolveParams';
import { getNodeType } from '../../../app/design/nodeTypes';
import type { DesignNode, ParamValue } from '../../../app/design/types';
import { useShallow } from 'zustand/react/shallow';
import { setParamsAction } from '../../actions/editActions';
import { formatBytes, formatExact, formatShape } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { CustomBlockNote } from './CustomBlockNote';
import { DesignSettings } from './DesignSettings';
import { NodeNameField } from './NodeNameField';
import { LayerInspector } from './LayerInspector';
import { SharedParams } from './SharedParams';
import { ParamField } from '../ParamField/ParamField';
import { ProvenanceList } from '../ProvenanceList/ProvenanceList';
import './Inspector.css';

/** The selected nodes when there are several and all share one type; otherwise none. */
function sameTypeSelection(nodes: readonly DesignNode[], selection: readonly string[]): readonly DesignNode[] {
  if (selection.length < 2) return [];
  const chosen = new Set(selection);
  const picked = nodes.filter((n) => chosen.has(n.id));
  return picked.length > 1 && picked.every((n) => n.type === picked[0].type) ? picked : [];
}

/** Parameters, shapes, costs and grid provenance of the one selected node; shared settings of several. */
function InspectorView() {
  const store = useEditorStore();
  const selected = useEditor((s) => (s.selection.length === 1 ? s.selection[0] : null));
  const count = useEditor((s) => s.selection.length);
  const node = useEditor((s) => (selected === null ? undefined : s.document.nodes.find((n) => n.id === selected)));
  const result = useEditor((s) => (selected === null ? undefined : s.analysis.nodes[selected]));
  // Several nodes of one type: their shared settings (the store keeps node identity, so shallow equality holds).
  const selectedLayer = useEditor((s) => s.selectedLayer);
  const shared = useEditor(useShallow((s) => sameTypeSelection(s.document.nodes, s.selection)));
  const onChange = useCallback(
    (name: string, value: ParamValue) => {
      if (selected !== null) store.getState().run(setParamsAction, { id: selected, values: { [name]: value } });
    },
    [selected, store],
  );

  if (!node && selectedLayer !== null) {
    return (
      <section className="inspector" aria-label="Inspector">
        <LayerInspector id={selectedLayer} />
      </section>
    );
  }
  if (!node && shared.length > 1) {
    return (
      <section className="inspector" aria-label="Inspector">
        <SharedParams nodes={shared} />
      </section>
    );
  }
  if (!node) {
    return (
      <section className="inspector" aria-label="Inspector">
        <h2 className="panel-heading">Inspector</h2>
        <p className="inspector__empty">{count > 1 ? `${count} nodes selected.` : 'Select a node to edit its parameters.'}</p>
      </section>
    );
  }
  const info = getNodeType(node.type)?.info;
  const values = info ? resolveParams(info, node.params).values : {};
  return (
    <section className="inspector" aria-label="Inspector">
      <h2 className="panel-heading">
        {node.label ?? node.id} <span className="inspector__type">{info?.label ?? node.type}</span>
      </h2>
      {info ? <p className="inspector__description">{info.description}</p> : null}
      <NodeNameField key={node.id} id={node.id} label={node.label} />
      <CustomBlockNote id={node.id} />
      {node.type === 'input' ? (
        <DesignSettings />
      ) : (
        <form className="inspector__params" aria-label="Parameters" onSubmit={(event) => event.preventDefault()}>
          {info?.params.map((spec) => <ParamField key={`${node.id}:${spec.name}`} spec={spec} value={values[spec.name] ?? spec.default} onChange={onChange} />)}
        </form>
      )}
      {result ? (
        <dl className="inspector__facts">
          <dt>Inputs</dt>
          <dd>{result.inputs.length === 0 ? '—' : result.inputs.map((shape) => formatShape(shape)).join(', ')}</dd>
          <dt>Output</dt>
          <dd aria-label="Selected node output">{formatShape(result.output)}</dd>
          <dt>Parameters</dt>
          <dd>
            {formatExact(result.cost.trainable)} trainable, {formatExact(result.cost.nonTrainable)} fixed
          </dd>
          <dt>MACs</dt>
          <dd>{formatExact(result.cost.macs)}</dd>
          <dt>Activations</dt>
          <dd>{formatBytes(result.activationBytes)} per image</dd>
          {result.layers.length > 1 ? (
            <>
              <dt>Layers</dt>
              <dd>{result.layers.length}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {result ? (
        <section aria-label="Shape provenance">
          <h3 className="panel-subheading">Shape provenance</h3>
          <ProvenanceList steps={result.provenance} />
        </section>
      ) : null}
    </section>
  );
}

export const Inspector = memo(InspectorView);
