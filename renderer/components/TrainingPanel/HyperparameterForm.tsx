import { memo, useId, type ReactNode } from 'react';
import { defaultTrainConfig } from '../../../app/training/defaults';
import { isOptimizerName, OPTIMIZER_NAMES } from '../../../app/training/hyperparameters';
import type { TrainConfig } from '../../../app/training/types';
import { useRun } from '../../hooks/useRun';
import { augmentExplanation, numericFields, optimizerChange, optimizerExplanation } from './hyperparameters';

/** One setting: its label names the control, its explanation describes it. */
function Setting({ label, help, control }: { label: string; help: string; control: (ids: { id: string; helpId: string }) => ReactNode }) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className="hyperparameter">
      <label className="hyperparameter__label" htmlFor={id}>
        {label}
      </label>
      {control({ id, helpId })}
      <span className="hyperparameter__help" id={helpId}>
        {help}
      </span>
    </div>
  );
}

const toNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

/** The training settings with the paper's defaults and a short explanation of each. */
function HyperparameterFormView({ disabled }: { disabled: boolean }) {
  const config = useRun((s) => s.setup.config);
  const setConfig = useRun((s) => s.setConfig);
  return (
    <fieldset className="training-panel__fieldset" disabled={disabled}>
      <legend>Hyperparameters</legend>
      <div className="hyperparameters">
        <Setting
          label="Optimizer"
          help={optimizerExplanation}
          control={({ id, helpId }) => (
            <select id={id} aria-describedby={helpId} value={config.optimizer} onChange={(event) => isOptimizerName(event.target.value) && setConfig(optimizerChange(config, event.target.value))}>
              {OPTIMIZER_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        />
        {numericFields.map((field) => (
          <Setting
            key={field.key}
            label={field.label}
            help={field.explanation}
            control={({ id, helpId }) => (
              <input
                id={id}
                aria-describedby={helpId}
                type="number"
                step={field.step}
                min={field.range.min}
                max={field.range.max}
                value={Number.isNaN(config[field.key]) ? '' : config[field.key]}
                onChange={(event) => setConfig({ [field.key]: toNumber(event.target.value) } as Partial<TrainConfig>)}
              />
            )}
          />
        ))}
        <Setting
          label="Augment training images"
          help={augmentExplanation}
          control={({ id, helpId }) => <input id={id} aria-describedby={helpId} type="checkbox" checked={config.augment} onChange={(event) => setConfig({ augment: event.target.checked })} />}
        />
      </div>
      <button type="button" className="training-panel__link" onClick={() => setConfig({ ...defaultTrainConfig })}>
        Reset to the paper’s defaults
      </button>
    </fieldset>
  );
}

export const HyperparameterForm = memo(HyperparameterFormView);
