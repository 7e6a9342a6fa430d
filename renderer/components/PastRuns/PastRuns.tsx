import { memo, useEffect, useMemo } from 'react';
import { serializeDesign } from '../../../app/design/document';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useRun, useRunStore } from '../../hooks/useRun';
import { loadRunHistory, refreshPastRuns, startRun } from '../../store/runCommands';
import { isDesignLocked } from '../../store/runStore';
import { seriesPoints } from '../../store/runSeries';
import { LineChart, type ChartLine } from '../RunCharts/LineChart';
import './PastRuns.css';
import { printable } from '../../../app/text/printable';

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];
const ACCURACY: readonly [number, number] = [0, 1];
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** Runs of this design (this session's and earlier ones), with chosen ones compared on one chart. */
function PastRunsView() {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const designName = useEditor((s) => s.document.name);
  const pastRuns = useRun((s) => s.pastRuns);
  const compared = useRun((s) => s.compared);
  const runs = useRun((s) => s.runs);
  const history = useRun((s) => s.history);
  const locked = useRun(isDesignLocked);
  const busy = useRun((s) => s.busy);
  // A run that ends in this session changes the list: refresh then.
  const ended = Object.values(runs).filter((run) => run.status !== 'running' && run.status !== 'paused' && run.status !== 'starting').length;

  useEffect(() => {
    void refreshPastRuns(host, store, designName);
  }, [host, store, designName, ended]);

  const lines = useMemo<ChartLine[]>(
    () =>
      compared.flatMap((runId, index) => {
        const view = runs[runId] ?? history[runId];
        if (!view) return [];
        const color = PALETTE[index % PALETTE.length];
        return [
          { label: `${runId} validation`, color, points: seriesPoints(view.series.valTop1), markers: true },
          { label: `${runId} train`, color, points: seriesPoints(view.series.trainTop1), dashed: true },
        ];
      }),
    [compared, runs, history],
  );

  const toggle = (runId: string, runDir: string) => {
    store.getState().toggleCompared(runId);
    if (!runs[runId] && !history[runId]) void loadRunHistory(host, store, runId, runDir);
  };

  return (
    <section className="past-runs" aria-label="Past runs">
      <div className="training-panel__row">
        <h3 className="panel-subheading">Runs of “{printable(designName)}”</h3>
        <button type="button" onClick={() => void refreshPastRuns(host, store, designName)}>
          Refresh runs
        </button>
      </div>
      {pastRuns.length === 0 ? (
        <p className="past-runs__none">No runs of this design yet.</p>
      ) : (
        <table className="past-runs__table">
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col">Epochs</th>
              <th scope="col">Best val top-1</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pastRuns.map((run) => (
              <tr key={run.runDir}>
                <td>
                  <input type="checkbox" aria-label={`Compare ${run.runId}`} checked={compared.includes(run.runId)} onChange={() => toggle(run.runId, run.runDir)} />
                </td>
                <td>
                  <button type="button" className="training-panel__link" onClick={() => runs[run.runId] && store.getState().setCurrentRun(run.runId)} disabled={!runs[run.runId]} title={runs[run.runId] ? 'Show this run' : 'Run from an earlier session'}>
                    {run.runId}
                  </button>
                </td>
                <td>{new Date(run.startedAt).toLocaleString()}</td>
                <td>{run.epochs}</td>
                <td>{run.bestValTop1 === null ? '—' : percent(run.bestValTop1)}</td>
                <td title={run.problem === undefined ? undefined : printable(run.problem)}>{run.problem ? `${run.state} (log unreadable)` : run.state}</td>
                <td>
                  {run.state === 'failed' || run.state === 'cancelled' ? (
                    // Resuming reads the design, data and settings from the run's folder.
                    <button type="button" disabled={locked || busy} aria-label={`Resume ${run.runId}`} onClick={() => void startRun(host, store, { design: serializeDesign(editor.getState().document), config: {} }, run.runDir)}>
                      Resume
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {compared.length > 0 ? <LineChart title="Top-1 accuracy per epoch" lines={lines} xLabel="epoch" yRange={ACCURACY} format={percent} /> : null}
    </section>
  );
}

export const PastRuns = memo(PastRunsView);
