import { memo, useCallback } from 'react';
import { CLASSES_SPEC, classCount, INPUT_SPECS } from '../../../app/design/designSettings';
import type { DesignInput, ParamValue } from '../../../app/design/types';
import { setClassesAction, setInputAction } from '../../actions/designActions';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { ParamField } from '../ParamField/ParamField';

/** The design's input size and class count, edited on the input node; every shape follows live. */
function DesignSettingsView() {
  const store = useEditorStore();
  const input = useEditor((s) => s.document.input);
  const classes = useEditor((s) => classCount(s.document));
  const onInput = useCallback(
    (name: string, value: ParamValue) => void store.getState().run(setInputAction, { [name as keyof DesignInput]: value as number }),
    [store],
  );
  const onClasses = useCallback((_name: string, value: ParamValue) => void store.getState().run(setClassesAction, value as number), [store]);
  return (
    <form className="inspector__params" aria-label="Design settings" onSubmit={(event) => event.preventDefault()}>
      {INPUT_SPECS.map((spec) => (
        <ParamField key={spec.name} spec={spec} value={input[spec.name]} onChange={onInput} />
      ))}
      {classes === undefined ? (
        <p className="inspector__description">No classifier (dense layer) yet: the class count is its units.</p>
      ) : (
        <ParamField spec={CLASSES_SPEC} value={classes} onChange={onClasses} />
      )}
    </form>
  );
}

export const DesignSettings = memo(DesignSettingsView);
