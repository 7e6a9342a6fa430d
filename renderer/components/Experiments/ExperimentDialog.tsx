import { memo, useEffect, useId, useMemo, useState } from 'react';
import { PARALLEL_RUNS } from '../../../app/experiments/types';
import { presets } from '../../../app/presets/index';
import type { ExperimentPreview } from '../../../app/protocol';
import { formatDuration } from '../../store/runText';
import { formatCount } from '../../format/quantities';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useExperimentStore, useExperiments } from '../../hooks/useExperiments';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import type { ExperimentPrefill } from '../../store/experimentStore';
import { blankForm, formOfSpec, readExperimentForm, TEMPLATE_CHOICES, type ExperimentForm, type FieldKey, type VariantForm } from './experimentForm';
import './Experiments.css';

/** "New experiment…": a template or a spec built here, checked as it is typed, with its run count and time estimate before anything runs. */
function ExperimentDialogView() {
  const view = useExperiments((s) => s.view);
  return view?.kind === 'new' ? <NewExperiment prefill={view.prefill} /> : null;
}

const BLANK = '';
/** The preview waits for typing to pause: it builds and analyses every variant and scans the dataset. */
const PREVIEW_DELAY_MS = 400;

function startingForm(prefill: ExperimentPrefill | null): ExperimentForm {
  return prefill?.designFile ? { ...blankForm(prefill.designFile, prefill.designName), name: `${prefill.designName} experiment` } : blankForm();
}

function NewExperiment({ prefill }: { prefill: ExperimentPrefill | null }) {
  const { host } = useEditorContext();
  const store = useExperimentStore();
  const id = useId();
  const [template, setTemplate] = useState(BLANK);
  const [form, setForm] = useState<ExperimentForm>(() => startingForm(prefill));
  const reading = useMemo(() => readExperimentForm(form), [form]);
  const [preview, setPreview] = useState<{ spec: string; result: ExperimentPreview | string } | null>(null);
  const [parallelText, setParallelText] = useState('1');
  const parallel = Number(parallelText);
  const parallelError =
    Number.isInteger(parallel) && parallel >= PARALLEL_RUNS.min && parallel <= PARALLEL_RUNS.max ? undefined : `expected an integer from ${PARALLEL_RUNS.min} to ${PARALLEL_RUNS.max}, found ${JSON.stringify(parallelText)}`;
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const close = () => store.getState().close();
  const dialog = useFocusTrap<HTMLFormElement>({ onEscape: close, initialFocus: '.experiment-dialog__template' });
  const specText = reading.spec ? JSON.stringify(reading.spec) : null;

  useEffect(() => {
    if (specText === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void host.previewExperiment({ spec: specText }).then(
        (result) => current && setPreview({ spec: specText, result: result.ok ? result.value : result.error }),
        (error: unknown) => current && setPreview({ spec: specText, result: String(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, specText]);

  const chooseTemplate = (name: string) => {
    setTemplate(name);
    const chosen = TEMPLATE_CHOICES.find((choice) => choice.id === name);
    setForm(chosen ? formOfSpec(chosen.spec) : startingForm(prefill));
  };
  const edit = (key: Exclude<keyof ExperimentForm, 'variants'>, value: string) => setForm({ ...form, [key]: value });
  const editVariant = (index: number, key: keyof VariantForm, value: string) => setForm({ ...form, variants: form.variants.map((v, i) => (i === index ? { ...v, [key]: value } : v)) });
  const addVariant = () => setForm({ ...form, variants: [...form.variants, { name: `Variant ${form.variants.length + 1}`, design: 'preset:inception-resnet-v2', options: '', training: '' }] });
  const removeVariant = (index: number) => setForm({ ...form, variants: form.variants.filter((_, i) => i !== index) });
  const start = async () => {
    if (!specText || parallelError) return;
    setStarting(true);
    setStartError(null);
    const started = await host.startExperiment({ spec: specText, parallel }).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    setStarting(false);
    if (started.ok) store.getState().open({ kind: 'view', id: started.value.id });
    else setStartError(started.error);
  };

  const current = preview && preview.spec === specText ? preview.result : null;
  const field = (key: FieldKey, label: string, value: string, onChange: (value: string) => void, hint?: string) => (
    <Field key={key} name={key} label={label} value={value} error={reading.problems[key]} hint={hint} onChange={onChange} />
  );

  return (
    <div className="modal">
      <form
        ref={dialog}
        className="modal__panel experiment-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <h2 id={`${id}-title`} className="modal__title">
          New experiment
        </h2>
        <label className="experiment-dialog__field">
          Start from
          <select className="experiment-dialog__template" value={template} onChange={(event) => chooseTemplate(event.target.value)}>
            <option value={BLANK}>{prefill?.designFile ? `The run's design (${prefill.designName})` : 'A blank experiment'}</option>
            {TEMPLATE_CHOICES.map((choice) => (
              <option key={choice.id} value={choice.id}>
                Paper: {choice.spec.name}
              </option>
            ))}
          </select>
        </label>
        {form.description ? <p className="modal__note">{form.description}</p> : null}
        {form.figure ? <p className="modal__note">Echoes: {form.figure}</p> : null}

        <fieldset className="modal__group experiment-dialog__group">
          <legend>What stays fixed</legend>
          <div className="experiment-dialog__grid">
            {field('name', 'Name', form.name, (v) => edit('name', v))}
            {field('data', 'Dataset (folder or CSV on the host)', form.data, (v) => edit('data', v), 'empty: the bundled sample')}
            {field('epochs', 'Epochs', form.epochs, (v) => edit('epochs', v))}
            {field('budgetMinutes', 'Budget per run (minutes)', form.budgetMinutes, (v) => edit('budgetMinutes', v), 'empty: none')}
            {field('fixedOptions', 'Preset options of every variant', form.fixedOptions, (v) => edit('fixedOptions', v), 'e.g. input=75 width=0.25')}
            {field('fixedTraining', 'Training settings of every run', form.fixedTraining, (v) => edit('fixedTraining', v), 'e.g. optimizer=rmsprop batchSize=32')}
          </div>
        </fieldset>

        <fieldset className="modal__group experiment-dialog__group">
          <legend>What varies</legend>
          <datalist id={`${id}-designs`}>
            {presets.map((preset) => (
              <option key={preset.name} value={`preset:${preset.name}`} />
            ))}
          </datalist>
          {form.variants.map((variant, index) => (
            <div key={index} className="experiment-dialog__variant" role="group" aria-label={`Variant ${index + 1}`}>
              {field(`variants.${index}.name`, 'Variant', variant.name, (v) => editVariant(index, 'name', v))}
              <Field
                name={`variants.${index}.design`}
                label="Design (preset:NAME or a design file)"
                value={variant.design}
                list={`${id}-designs`}
                error={reading.problems[`variants.${index}.design`]}
                onChange={(v) => editVariant(index, 'design', v)}
              />
              {field(`variants.${index}.options`, 'Preset options', variant.options, (v) => editVariant(index, 'options', v), 'e.g. scales=0.3,0.3,0.3')}
              {field(`variants.${index}.training`, 'Training settings', variant.training, (v) => editVariant(index, 'training', v), 'e.g. learningRate=0.01')}
              <button type="button" className="dialog-button experiment-dialog__remove" disabled={form.variants.length === 1} aria-label={`Remove variant ${index + 1}`} onClick={() => removeVariant(index)}>
                Remove
              </button>
            </div>
          ))}
          {reading.problems.variants ? (
            <div className="experiment-dialog__error" role="alert">
              {reading.problems.variants}
            </div>
          ) : null}
          <button type="button" className="dialog-button" onClick={addVariant}>
            Add variant
          </button>
          <div className="experiment-dialog__grid">
            {field('seeds', 'Seeds (one run per variant and seed)', form.seeds, (v) => edit('seeds', v))}
            {field('targetAccuracy', 'Target accuracy (%)', form.targetAccuracy, (v) => edit('targetAccuracy', v), 'time and epochs to reach it')}
            <Field name="parallel" label="Runs side by side" value={parallelText} error={parallelError} hint="1: one after another; more share the cores between them" onChange={setParallelText} />
          </div>
        </fieldset>

        <section className="experiment-dialog__summary" aria-label="Experiment summary" aria-live="polite">
          <p>
            <strong aria-label="Run count">
              {reading.runs} run{reading.runs === 1 ? '' : 's'}
            </strong>{' '}
            ({form.variants.length} variant{form.variants.length === 1 ? '' : 's'} × {reading.runs / Math.max(1, form.variants.length)} seed{reading.runs === form.variants.length ? '' : 's'})
          </p>
          <PreviewText spec={specText} current={current} sideBySide={parallelError ? 1 : Math.min(parallel, reading.runs)} />
        </section>
        {startError ? (
          <div className="experiment-dialog__error" role="alert">
            {startError}
          </div>
        ) : null}
        <div className="experiment-dialog__actions">
          <button type="button" className="dialog-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="dialog-button experiment-dialog__start" disabled={specText === null || parallelError !== undefined || starting}>
            {starting ? 'Starting…' : 'Start experiment'}
          </button>
        </div>
      </form>
    </div>
  );
}

function PreviewText({ spec, current, sideBySide }: { spec: string | null; current: ExperimentPreview | string | null; sideBySide: number }) {
  if (spec === null) return <p className="modal__note">Fix the fields marked above to see the estimate.</p>;
  if (current === null) return <p className="modal__note">Estimating…</p>;
  if (typeof current === 'string') return <p className="experiment-dialog__error" role="alert">{current}</p>;
  return (
    <>
      <p aria-label="Time estimate">
        {current.estimate.seconds === null ? 'No estimate' : `About ${formatDuration(current.estimate.seconds / Math.max(1, sideBySide))}`} on {current.backend}
        {sideBySide > 1 ? ` (${sideBySide} runs side by side, if the machine has the cores for them)` : ''}
        {current.trainImages === null ? '' : `, ${current.trainImages.toLocaleString('en-US')} training images per epoch`}. <span className="modal__note">{current.estimate.explanation}</span>
      </p>
      <ul className="experiment-dialog__sizes" aria-label="Variant sizes">
        {current.variants.map((variant) => (
          <li key={variant.variant}>
            {variant.variant}: {formatCount(variant.params)} parameters, {formatCount(variant.macs)} MACs per image
          </li>
        ))}
      </ul>
    </>
  );
}

interface FieldProps {
  /** The spec field it edits, or `parallel` (how the experiment runs, not part of the spec). */
  name: FieldKey | 'parallel';
  label: string;
  value: string;
  error: string | undefined;
  hint?: string | undefined;
  list?: string;
  onChange(value: string): void;
}

function Field({ name, label, value, error, hint, list, onChange }: FieldProps) {
  const id = useId();
  return (
    <div className="experiment-dialog__field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        list={list}
        placeholder={hint}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <div id={`${id}-error`} className="experiment-dialog__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export const ExperimentDialog = memo(ExperimentDialogView);
