import { memo, useCallback, useEffect } from 'react';
import type { EditorCommand } from '../../../app/menu/menuModel';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import { currentRun, designLockReason, type DockTab } from '../../store/runStore';
import { runStatusText } from '../../store/runText';
import { LayerTable } from '../LayerTable/LayerTable';
import { PredictionPanel } from '../PredictionPanel/PredictionPanel';
import { TrainingPanel } from '../TrainingPanel/TrainingPanel';
import './RunDock.css';

const TABS: readonly { id: DockTab; label: string }[] = [
  { id: 'train', label: 'Train' },
  { id: 'predict', label: 'Predict' },
  { id: 'layers', label: 'Layers' },
];

interface RunDockProps {
  run(command: EditorCommand): void;
}

/**
 * The bottom dock: training and prediction beside the designer. The runs store hears the host's
 * training events (useHostEvents) even while the dock is collapsed, so a run's charts are
 * complete whenever it is opened; the Run menu's commands open its tabs.
 */
function RunDockView({ run: runCommand }: RunDockProps) {
  const { store: editor } = useEditorContext();
  const store = useRunStore();
  const lockReason = useRun(designLockReason);
  const engineCrash = useRun((s) => s.engineCrash);
  const run = useRun(currentRun);
  const tab = useRun((s) => s.dock);
  const setTab = useRun((s) => s.setDock);

  // The designer honours the lock: its store refuses edits while a run uses the design.
  useEffect(() => editor.getState().setLockReason(lockReason), [editor, lockReason]);

  const predictWith = useCallback(
    (path: string) => {
      const run = currentRun(store.getState());
      const which = path === run?.bestCheckpoint ? 'best' : 'last';
      store.getState().setPrediction({ model: { kind: 'checkpoint', runId: run?.runId ?? '', which, path }, results: [] });
      store.getState().setDock('predict');
    },
    [store],
  );

  return (
    <section className={tab ? 'run-dock run-dock--open' : 'run-dock'} aria-label="Training and prediction">
      <div className="run-dock__bar">
        <div role="tablist" aria-label="Dock views">
          {TABS.map(({ id, label }) => (
            <button key={id} type="button" role="tab" id={`run-dock-tab-${id}`} aria-selected={tab === id} aria-controls="run-dock-panel" onClick={() => setTab(tab === id ? null : id)}>
              {label}
            </button>
          ))}
        </div>
        {lockReason ? (
          <span className="run-dock__lock" role="status" aria-label="Design locked">
            Design locked: {lockReason}
          </span>
        ) : null}
        {run && tab !== 'train' ? <span className="run-dock__run">{runStatusText(run)}</span> : null}
        <span className="run-dock__spacer" />
        <button type="button" onClick={() => runCommand('exportSvg')}>
          Export design as SVG
        </button>
        <button type="button" onClick={() => runCommand('exportPng')}>
          Export design as PNG
        </button>
        {tab ? (
          <button type="button" aria-label="Close the dock" onClick={() => setTab(null)}>
            ▾
          </button>
        ) : null}
      </div>
      {engineCrash ? (
        <p role="alert" className="run-dock__crash">
          {engineCrash}{' '}
          <button type="button" onClick={() => store.getState().dismissEngineCrash()}>
            Dismiss
          </button>
        </p>
      ) : null}
      {tab ? (
        <div className="run-dock__panel" id="run-dock-panel" role="tabpanel" aria-labelledby={`run-dock-tab-${tab}`}>
          {{ train: <TrainingPanel onPredict={predictWith} />, predict: <PredictionPanel />, layers: <LayerTable /> }[tab]}
        </div>
      ) : null}
    </section>
  );
}

export const RunDock = memo(RunDockView);
