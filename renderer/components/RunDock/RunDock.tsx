import { useReactFlow } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { designImage } from '../../export/exportImage';
import { exportBaseName } from '../../export/exportName';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useExportDelivery } from '../../hooks/useExportDelivery';
import { useRun, useRunStore } from '../../hooks/useRun';
import { stopRun } from '../../store/runCommands';
import { currentRun, designLockReason } from '../../store/runStore';
import { runStatusText } from '../../store/runText';
import type { FlowEdge, FlowNode } from '../../store/flowTypes';
import { ExportNotice } from '../ExportNotice/ExportNotice';
import { PredictionPanel } from '../PredictionPanel/PredictionPanel';
import { TrainingPanel } from '../TrainingPanel/TrainingPanel';
import './RunDock.css';

type Tab = 'train' | 'predict';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'train', label: 'Train' },
  { id: 'predict', label: 'Predict' },
];

/**
 * The bottom dock: training and prediction beside the designer. It hears the host's training
 * events even while collapsed, so a run's charts are complete whenever it is opened.
 */
function RunDockView() {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const baseName = useEditor((s) => exportBaseName(s.file, s.document.name));
  const deliver = useExportDelivery();
  const lockReason = useRun(designLockReason);
  const engineCrash = useRun((s) => s.engineCrash);
  const run = useRun(currentRun);
  const [tab, setTab] = useState<Tab | null>(null);

  const exportDesign = (format: 'svg' | 'png') => deliver(() => designImage(flow, format, baseName));
  // The host-event listener stays subscribed for the dock's life and reaches the current exporter here.
  const latestExport = useRef(exportDesign);
  useEffect(() => {
    latestExport.current = exportDesign;
  });

  // The designer honours the lock: its store refuses edits while a run uses the design.
  useEffect(() => editor.getState().setLockReason(lockReason), [editor, lockReason]);

  useEffect(
    () =>
      host.onEvent((event) => {
        store.getState().applyHostEvent(event);
        if (event.type === 'trainer-crashed' && event.runId !== null) setTab('train');
        if (event.type !== 'menu') return;
        if (event.command === 'train') setTab('train');
        if (event.command === 'predict') setTab('predict');
        const run = currentRun(store.getState());
        if (event.command === 'stop' && run) void stopRun(host, store, run.runId);
        if (event.command === 'export') void latestExport.current('png');
      }),
    [host, store],
  );

  const predictWith = useCallback(
    (path: string) => {
      const run = currentRun(store.getState());
      const which = path === run?.bestCheckpoint ? 'best' : 'last';
      store.getState().setPrediction({ model: { kind: 'checkpoint', runId: run?.runId ?? '', which, path }, results: [] });
      setTab('predict');
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
        <ExportNotice />
        <button type="button" onClick={() => void exportDesign('svg')}>
          Export design as SVG
        </button>
        <button type="button" onClick={() => void exportDesign('png')}>
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
          {tab === 'train' ? <TrainingPanel onPredict={predictWith} /> : <PredictionPanel />}
        </div>
      ) : null}
    </section>
  );
}

export const RunDock = memo(RunDockView);
