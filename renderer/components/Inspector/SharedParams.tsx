import { memo, useCallback } from 'react';
import { getNodeType } from '../../../app/design/nodeTypes';
import { resolveParams } from '../../../app/design/resolveParams';
import type { DesignNode, ParamValue } from '../../../app/design/types';
import { setParamsOfAllAction } from '../../actions/editActions';
import { useEditorStore } from '../../hooks/useEditorStore';
import { ParamField } from '../ParamField/ParamField';

interface SharedParamsProps {
  nodes: readonly DesignNode[];
}

const same = (a: ParamValue, b: ParamValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Several nodes of one type: each parameter edited on all of them at once, one undo step. */
function SharedParamsView({ nodes }: SharedParamsProps) {
  const store = useEditorStore();
  const ids = nodes.map((node) => node.id);
  const key = ids.join(',');
  const onChange = useCallback(
    (name: string, value: ParamValue) => void store.getState().run(setParamsOfAllAction, { ids: key.split(','), values: { [name]: value } }),
    [key, store],
  );
  const info = getNodeType(nodes[0].type)?.info;
  if (!info) return null;
  const values = nodes.map((node) => resolveParams(info, node.params).values);
  return (
    <>
      <h2 className="panel-heading">
        {nodes.length} × <span className="inspector__type">{info.label}</span>
      </h2>
      <p className="inspector__description">A change applies to all {nodes.length}: {ids.join(', ')}.</p>
      <form className="inspector__params" aria-label="Shared parameters" onSubmit={(event) => event.preventDefault()}>
        {info.params.map((spec) => {
          const value = values[0][spec.name] ?? spec.default;
          const differs = values.some((other) => !same(other[spec.name] ?? spec.default, value));
          return (
            <ParamField
              key={`${key}:${spec.name}`}
              spec={differs ? { ...spec, label: `${spec.label} (differs)` } : spec}
              value={value}
              onChange={onChange}
            />
          );
        })}
      </form>
    </>
  );
}

export const SharedParams = memo(SharedParamsView);
