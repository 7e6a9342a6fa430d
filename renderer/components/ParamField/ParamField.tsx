import { memo, useEffect, useId, useState } from 'react';
import type { ParamSpec } from '../../../app/design/paramSpec';
import type { ParamValue } from '../../../app/design/types';
import { formatParamValue, parseParamInput } from './paramInput';
import './ParamField.css';

interface ParamFieldProps {
  spec: ParamSpec;
  value: ParamValue;
  /** A problem the analysis found with the stored value. */
  issue?: string;
  onChange(name: string, value: ParamValue): void;
}

/** One parameter: the draft text is checked on every keystroke and applied as soon as it is valid. */
function ParamFieldView({ spec, value, issue, onChange }: ParamFieldProps) {
  const id = useId();
  const shown = formatParamValue(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const parsed = parseParamInput(spec, draft);
  const message = parsed.ok ? issue : parsed.error;

  const edit = (text: string) => {
    setDraft(text);
    const next = parseParamInput(spec, text);
    if (next.ok) onChange(spec.name, next.value);
  };

  return (
    <div className="param-field">
      <label htmlFor={id} className="param-field__label" title={spec.help}>
        {spec.label}
      </label>
      {spec.kind === 'bool' ? (
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => edit(String(event.target.checked))} />
      ) : spec.kind === 'enum' ? (
        <select id={id} value={draft} onChange={(event) => edit(event.target.value)}>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="param-field__input"
          type="text"
          inputMode={spec.kind === 'pair' ? 'text' : 'decimal'}
          value={draft}
          aria-invalid={message !== undefined}
          aria-describedby={message ? `${id}-message` : undefined}
          onChange={(event) => edit(event.target.value)}
        />
      )}
      {message ? (
        <div id={`${id}-message`} className="param-field__message" role="alert">
          {message}
        </div>
      ) : null}
    </div>
  );
}

export const ParamField = memo(ParamFieldView);
