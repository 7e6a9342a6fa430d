/** A labelled whole-number setting that may be left empty for the trainer's default (null). */

import type { NumberRange } from '../../../app/numberRange';

interface Props {
  id: string;
  label: string;
  range: NumberRange;
  step: number;
  /** What an empty field means. */
  placeholder: string;
  title: string;
  value: number | null;
  onChange: (value: number | null) => void;
}

export function OptionalNumberSetting({ id, label, range, step, placeholder, title, value, onChange }: Props) {
  return (
    <div className="training-panel__row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={range.min}
        max={range.max}
        step={step}
        placeholder={placeholder}
        title={title}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      />
    </div>
  );
}
