import { memo, useEffect, useId, useState } from 'react';
import type { ExperimentAction, ExperimentSummary } from '../../../app/protocol';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useExperimentStatus } from '../../hooks/useExperimentStatus';
import { useExperimentStore, useExperiments } from '../../hooks/useExperiments';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import { ComparisonView } from './ComparisonView';
import { QueueView } from './QueueView';
import './Experiments.css';

/** File › Experiments…: every experiment the host keeps, and the chosen one's queue and comparison. */
function ExperimentsPanelView() {
  const view = useExperiments((s) => s.view);
  return view?.kind === 'view' ? <Experiments chosen={view.id} /> : null;
}

function Experiments({ chosen }: { chosen: string | null }) {
  const { host } = useEditorContext();
  const store = useExperimentStore();
  const id = useId();
  const [list, setList] = useState<readonly ExperimentSummary[] | string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // The list is read again when any experiment's queue changes.
  const changes = useExperiments((s) => Object.values(s.live).reduce((sum, live) => sum + (live.queue ? 1 : 0) + live.revision, 0));
  const selected = chosen ?? (typeof list === 'object' && list !== null ? (list[0]?.id ?? null) : null);
  const { status, error } = useExperimentStatus(selected);
  const close = () => store.getState().close();
  const panel = useFocusTrap<HTMLDivElement>({ onEscape: close });

  useEffect(() => {
    let current = true;
    void host.listExperiments().then(
      (result) => current && setList(result.ok ? result.value : result.error),
      (failure: unknown) => current && setList(String(failure)),
    );
    return () => {
      current = false;
    };
  }, [host, changes]);

  const act = (action: ExperimentAction) => {
    if (selected === null) return;
    setActionError(null);
    void host.controlExperiment({ id: selected, action }).then(
      (result) => {
        if (!result.ok) setActionError(result.error);
      },
      (failure: unknown) => setActionError(String(failure)),
    );
  };

  return (
    <div className="modal">
      <div ref={panel} className="modal__panel experiments" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <div className="experiment-queue__bar">
          <h2 id={`${id}-title`} className="modal__title">
            Experiments
          </h2>
          <button type="button" className="dialog-button" onClick={() => store.getState().open({ kind: 'new', prefill: null })}>
            New experiment…
          </button>
          <button type="button" className="dialog-button" onClick={close}>
            Close
          </button>
        </div>
        <div className="experiments__body">
          <nav className="experiments__list" aria-label="Experiment list">
            {typeof list === 'string' ? (
              <p className="experiment-dialog__error">{list}</p>
            ) : list === null ? (
              <p className="modal__note">Reading…</p>
            ) : list.length === 0 ? (
              <p className="modal__note">No experiments yet.</p>
            ) : (
              <ul>
                {list.map((experiment) => (
                  <li key={experiment.id}>
                    <button type="button" className="experiments__item" aria-current={experiment.id === selected} onClick={() => store.getState().open({ kind: 'view', id: experiment.id })}>
                      <strong>{experiment.name}</strong>
                      <span className="modal__note">
                        {experiment.completed}/{experiment.runs} done{experiment.paused ? ', paused' : experiment.active ? ', running' : experiment.remaining > 0 ? ', stopped' : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </nav>
          <div className="experiments__detail">
            {error ? <p className="experiment-dialog__error">{error}</p> : null}
            {actionError ? (
              <p className="experiment-dialog__error" role="alert">
                {actionError}
              </p>
            ) : null}
            {status ? (
              <>
                <h3 className="experiments__name">{status.spec.name}</h3>
                {status.spec.description ? <p className="modal__note">{status.spec.description}</p> : null}
                <QueueView status={status} act={act} />
                <ComparisonView key={status.id} status={status} />
              </>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}

export const ExperimentsPanel = memo(ExperimentsPanelView);
