import { memo, useEffect, useId, useState } from 'react';
import { labelFor } from '../../../app/design/edits';
import { renameAction } from '../../actions/editActions';
import { useEditorStore } from '../../hooks/useEditorStore';

interface NodeNameFieldProps {
  id: string;
  label: string | undefined;
}

/** The node's display name; empty shows its id again. Typing is one undo step. */
function NodeNameFieldView({ id, label }: NodeNameFieldProps) {
  const store = useEditorStore();
  const fieldId = useId();
  const [draft, setDraft] = useState(label ?? '');
  // Undo or another edit changed the name: show it, unless the draft already says it ("stem " while typing).
  useEffect(() => setDraft((text) => (labelFor(text, id) === label ? text : (label ?? ''))), [label, id]);
  return (
    <div className="param-field">
      <label htmlFor={fieldId} className="param-field__label" title="A name shown on the node; the id names its weights and stays.">
        Name
      </label>
      <input
        id={fieldId}
        className="param-field__input"
        type="text"
        value={draft}
        placeholder={id}
        onChange={(event) => {
          setDraft(event.target.value);
          store.getState().run(renameAction, { id, label: event.target.value });
        }}
      />
    </div>
  );
}

export const NodeNameField = memo(NodeNameFieldView);
