import { memo, useMemo } from 'react';
import { serializeDesign } from '../../../app/design/document';
import { joinPath } from '../../documents/hostPaths';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useExperimentStore } from '../../hooks/useExperiments';
import { usePastRunsRefresh } from '../../hooks/usePastRunsRefresh';
import { useRun, useRunStore } from '../../hooks/useRun';
import { loadRunHistory, startRun } from '../../store/runCommands';
import { groupRuns, runStatusLabel, type RunGroup, type RunRow } from '../../store/runGroups';
import { isDesignLocked } from '../../store/runStore';
import { seriesPoints } from '../../store/runSeries';
import { LineChart, type ChartLine } from '../RunCharts/LineChart';
import './PastRuns.css';
import { printable } from '../../../app/text/printable';

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];
const ACCURACY: readonly [number, number] = [0, 1];
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const when = (iso: string): string => new Date(iso).toLocaleString();

/** Every run the host knows, grouped by design file (the open design's first), with chosen ones compared on one chart. */
function PastRunsView() {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const experiments = useExperimentStore();
  const file = useEditor((s) => s.file?.path ?? null);
  const designName = useEditor((s) => s.document.name);
  const pastRuns = useRun((s) => s.pastRuns);
  const compared = useRun((s) => s.compared);
  const runs = useRun((s) => s.runs);
  const history = useRun((s) => s.history);
  const locked = useRun(isDesignLocked);
  const busy = useRun((s) => s.busy);
  usePastRunsRefresh();

  const groups = useMemo(() => groupRuns(pastRuns, runs, { file, name: designName }), [pastRuns, runs, file, designName]);
  const own = groups.find((group) => group.current);
  const others = groups.filter((group) => !group.current);

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
  const resume = (run: RunRow) =>
    // Resuming reads the design, data and settings from the run's folder.
    void startRun(host, store, { design: serializeDesign(editor.getState().document), config: {}, ...(run.designFile ? { designFile: run.designFile } : {}) }, run.runDir);

  const table = (group: RunGroup) => (
    <table className="past-runs__table" aria-label={`Runs of ${group.title}`}>
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
        {group.runs.map((run) => (
          <tr key={run.runDir}>
            <td>
              <input type="checkbox" aria-label={`Compare ${run.runId}`} checked={compared.includes(run.runId)} onChange={() => toggle(run.runId, run.runDir)} />
            </td>
            <td>
              <button type="button" className="training-panel__link" onClick={() => run.live && store.getState().setCurrentRun(run.runId)} disabled={!run.live} title={run.live ? 'Show this run' : 'Run from another window or an earlier session'}>
                {run.runId}
              </button>
            </td>
            <td>
              <time dateTime={run.startedAt}>{when(run.startedAt)}</time>
              {run.resumedAt.length > 0 ? (
                <ul className="past-runs__resumes" aria-label={`Resumes of ${run.runId}`}>
                  {run.resumedAt.map((time) => (
                    <li key={time}>
                      resumed <time dateTime={time}>{when(time)}</time>
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
            <td>{run.epochs}</td>
            <td>{run.bestValTop1 === null ? '—' : percent(run.bestValTop1)}</td>
            <td aria-label={`State of ${run.runId}`} title={run.problem === undefined ? undefined : printable(run.problem)}>
              {run.problem ? `${runStatusLabel(run.status)} (log unreadable)` : runStatusLabel(run.status)}
            </td>
            <td>
              {run.status === 'failed' || run.status === 'cancelled' || run.status === 'crashed' ? (
                <button type="button" disabled={locked || busy} aria-label={`Resume ${run.runId}`} onClick={() => resume(run)}>
                  Resume
                </button>
              ) : null}
              {run.status === 'completed' ? (
                <button
                  type="button"
                  aria-label={`New experiment from ${run.runId}`}
                  title={run.designFile ? 'Compare this design with others, other settings or seeds' : 'This design was never saved: the experiment starts blank'}
                  onClick={() => experiments.getState().open({ kind: 'new', prefill: { designFile: run.designFile, designName: run.designName } })}
                >
                  New experiment…
                </button>
              ) : null}
              {run.epochs > 0 ? (
                <button
                  type="button"
                  aria-label={`Export ${run.runId}`}
                  title="Its best checkpoint (its last when it validated none) as ONNX, PyTorch or portable TF.js"
                  onClick={() => editor.getState().setUi({ modelExport: { checkpoint: joinPath(joinPath(run.runDir, 'checkpoints'), run.bestValTop1 === null ? 'last' : 'best') } })}
                >
                  Export…
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="past-runs" aria-label="Past runs">
      <h3 className="panel-subheading" title={file ?? 'This design has not been saved: its runs are those of unsaved designs with its name'}>
        Runs of {file ? printable(file.split(/[\\/]/).pop() ?? file) : `“${printable(designName)}”`}
      </h3>
      {own ? table(own) : <p className="past-runs__none">No runs of this design yet.</p>}
      {others.length > 0 ? (
        <details className="past-runs__others">
          <summary>Runs of other designs ({others.reduce((sum, group) => sum + group.runs.length, 0)})</summary>
          {others.map((group) => (
            <div key={group.key}>
              <h4 className="past-runs__group" title={group.path ?? 'never saved'}>
                {group.path ? printable(group.title) : `“${printable(group.title)}” (never saved)`}
              </h4>
              {table(group)}
            </div>
          ))}
        </details>
      ) : null}
      {compared.length > 0 ? <LineChart title="Top-1 accuracy per epoch" lines={lines} xLabel="epoch" yRange={ACCURACY} format={percent} /> : null}
    </section>
  );
}

export const PastRuns = memo(PastRunsView);
