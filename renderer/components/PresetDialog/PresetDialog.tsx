import { memo, useId, useMemo, useRef, useState } from 'react';
import { analyze } from '../../../app/analysis/analyze';
import { buildPreset, presets, type PresetOptions } from '../../../app/presets/index';
import { openPreset } from '../../documents/documentFiles';
import { formatBytes, formatCount } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { focusCanvasNode } from '../../dom/focusCanvasNode';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import { groupDiagnostics } from '../../store/groupDiagnostics';
import { FORM_CHOICES, FORM_KEYS, FORM_LABELS, presetForm, readPresetForm, type FormKey, type PresetForm } from './presetForm';
import './PresetDialog.css';

/** Opening a preset: its options first, with the network's size following every keystroke. */
function PresetDialogView() {
  const name = useEditor((s) => s.ui.presetDialog);
  return name === null ? null : <PresetOptionsPanel key={name} name={name} />;
}

interface Totals {
  params: number;
  macs: number;
  activationBytes: number;
  errors: number;
}

/** Builds and analyses the preset with these options (a few milliseconds). */
function measure(name: string, options: PresetOptions): Totals {
  const analysis = analyze(buildPreset(name, options));
  const errors = groupDiagnostics(analysis.diagnostics).filter((group) => group.first.severity === 'error').length;
  return { ...analysis.totals, params: analysis.totals.total, errors };
}

function PresetOptionsPanel({ name }: { name: string }) {
  const store = useEditorStore();
  const id = useId();
  const info = presets.find((preset) => preset.name === name);
  const [form, setForm] = useState<PresetForm>(() => presetForm(name));
  const [choice, setChoice] = useState<string>(FORM_CHOICES[0].id);
  const { options, errors } = useMemo(() => readPresetForm(form), [form]);
  const valid = Object.keys(errors).length === 0;
  const totals = useMemo(() => (valid ? measure(name, options) : null), [name, options, valid]);
  const close = () => store.getState().setUi({ presetDialog: null });
  // Once the preset is open the keyboard goes on at its first node (the start screen or menu that
  // opened the dialog has closed); cancelled, focus returns where it was.
  const opened = useRef(false);
  const focusOnClose = () => {
    const first = store.getState().document.nodes[0];
    if (!opened.current || !first) return false;
    focusCanvasNode(first.id);
    return true;
  };
  const dialog = useFocusTrap<HTMLFormElement>({ onEscape: close, initialFocus: '.preset-dialog__open', focusOnClose });

  const choose = (next: (typeof FORM_CHOICES)[number]) => {
    setChoice(next.id);
    setForm(presetForm(name, next.options));
  };
  const edit = (key: FormKey, value: string) => setForm({ ...form, [key]: value });
  const open = () => {
    if (!valid) return;
    opened.current = true;
    openPreset(store, name, options);
  };

  return (
    <div className="modal">
      <form
        ref={dialog}
        className="modal__panel preset-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          open();
        }}
      >
        <h2 id={`${id}-title`} className="modal__title">
          Open {info?.title ?? name}
        </h2>
        {info ? <p className="modal__note">{info.note}</p> : null}
        <fieldset className="modal__group">
          <legend>Start from</legend>
          {FORM_CHOICES.map((option) => (
            <label key={option.id} className="preset-dialog__choice">
              <input type="radio" name={`${id}-choice`} checked={choice === option.id} onChange={() => choose(option)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        <div className="preset-dialog__fields">
          {FORM_KEYS.filter((key) => form[key] !== undefined).map((key) => (
            <OptionField key={key} name={key} value={form[key] ?? ''} error={errors[key]} onChange={edit} />
          ))}
        </div>
        <dl className="preset-dialog__totals" aria-label="Preset totals" aria-live="polite">
          <dt>Parameters</dt>
          <dd aria-label="Preset parameters">{totals ? totals.params.toLocaleString('en-US') : '—'}</dd>
          <dt>MACs</dt>
          <dd aria-label="Preset MACs">{totals ? formatCount(totals.macs) : '—'}</dd>
          <dt>Activations</dt>
          <dd aria-label="Preset activation memory">{totals ? `${formatBytes(totals.activationBytes)} per image` : '—'}</dd>
          {totals && totals.errors > 0 ? (
            <>
              <dt>Problems</dt>
              <dd>{totals.errors === 1 ? '1 error' : `${totals.errors} errors`} (shown in Diagnostics after opening)</dd>
            </>
          ) : null}
        </dl>
        <div className="preset-dialog__actions">
          <button type="button" className="dialog-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="dialog-button preset-dialog__open" disabled={!valid}>
            Open
          </button>
        </div>
      </form>
    </div>
  );
}

interface OptionFieldProps {
  name: FormKey;
  value: string;
  error: string | undefined;
  onChange(name: FormKey, value: string): void;
}

function OptionField({ name, value, error, onChange }: OptionFieldProps) {
  const id = useId();
  if (name === 'bnGamma') {
    return (
      <label className="preset-dialog__check">
        <input type="checkbox" checked={value === 'true'} onChange={(event) => onChange(name, String(event.target.checked))} />
        {FORM_LABELS[name]}
      </label>
    );
  }
  return (
    <div className="preset-dialog__field">
      <label htmlFor={id}>{FORM_LABELS[name]}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(name, event.target.value)}
      />
      {error ? (
        <div id={`${id}-error`} className="preset-dialog__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export const PresetDialog = memo(PresetDialogView);
