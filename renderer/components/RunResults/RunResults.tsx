import { memo, useState } from 'react';
import type { ModelEvaluation } from '../../../app/protocol';
import { inferenceText } from '../../../app/text/inferenceText';
import { downloadBase64 } from '../../export/download';
import { exportBaseName } from '../../export/exportName';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useHostInfo } from '../../hooks/useHostInfo';
import { useRunStore } from '../../hooks/useRun';
import { ask, saveCheckpointAsModel } from '../../store/runCommands';
import type { RunView, ValidationConfusion } from '../../store/runEvents';
import { settingRows } from '../TrainingPanel/hyperparameters';
import { ConfusionMatrix } from './ConfusionMatrix';
import './RunResults.css';
import { printable } from '../../../app/text/printable';

/** The trainer's own counts on the held-out images, with the top-1 they imply. */
function validationCaption({ epoch, matrix }: ValidationConfusion): string {
  const images = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  const correct = matrix.reduce((sum, row, truth) => sum + (row[truth] ?? 0), 0);
  return `Confusion matrix (validation split, epoch ${epoch}): ${images} held-out images · top-1 ${((correct / Math.max(1, images)) * 100).toFixed(1)}%`;
}

/** Runs logged without a validation matrix are evaluated on their whole data folder, and say so. */
function evaluationCaption(report: ModelEvaluation, dataset: string): string {
  return `Evaluated on ${dataset} (every image, centre crops): ${report.images} images · top-1 ${(report.top1 * 100).toFixed(1)}% · top-5 ${(report.top5 * 100).toFixed(1)}% · loss ${report.loss.toFixed(3)} · ran on ${inferenceText(report.inference)}`;
}

interface RunResultsProps {
  run: RunView;
  /** Opens the prediction panel on a checkpoint. */
  onPredict(path: string): void;
}

/** A run's checkpoints (save as a model directory, predict, export, evaluate), its validation confusion matrix, settings and log. */
function RunResultsView({ run, onPredict }: RunResultsProps) {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const [notice, setNotice] = useState<string | null>(null);
  const [evaluation, setEvaluation] = useState<{ busy: boolean; report: ModelEvaluation | null; error: string | null }>({ busy: false, report: null, error: null });
  const baseName = useEditor((s) => exportBaseName(s.file, s.document.name));
  const info = useHostInfo();
  const modelName = (which: string) => `${baseName}-${run.runId}-${which}`;

  const save = async (path: string, which: string) => {
    const result = await saveCheckpointAsModel(host, path, modelName(which));
    setNotice(!result.ok ? `Could not save the model: ${result.error}` : result.value ? `Saved the ${which} model to ${result.value.path}` : null);
  };
  // A browser may be on another machine than the host: the model folder comes down as one zip.
  const download = async (path: string, which: string) => {
    setNotice(`Packing the ${which} model…`);
    const result = await ask(() => host.modelArchive({ source: path, name: modelName(which) }));
    if (!result.ok) return setNotice(`Could not download the model: ${result.error}`);
    downloadBase64(result.value.name, result.value.base64, 'application/zip');
    setNotice(`Downloaded ${result.value.name}`);
  };
  // The run's last scan is its validation folder when it had one, else its training data.
  const evaluatedOn = run.scan && run.scan.kind !== 'bundled' ? run.scan.root : null;
  const evaluate = async (path: string) => {
    setEvaluation({ busy: true, report: null, error: null });
    const backend = store.getState().setup.backend;
    const result = await ask(() => host.evaluate({ model: path, ...(evaluatedOn ? { data: evaluatedOn } : {}), ...(backend ? { backend } : {}) }));
    setEvaluation(result.ok ? { busy: false, report: result.value, error: null } : { busy: false, report: null, error: result.error });
  };

  const validated = run.validationConfusion;
  const checkpoints = [
    { which: 'best', path: run.bestCheckpoint, note: run.bestEpoch !== null ? `epoch ${run.bestEpoch}, validation top-1 ${((run.bestValTop1 ?? 0) * 100).toFixed(1)}%` : '' },
    { which: 'last', path: run.lastCheckpoint, note: '' },
  ];

  return (
    <section className="run-results" aria-label="Run results">
      <h3 className="panel-subheading">Checkpoints</h3>
      <ul className="run-results__checkpoints">
        {checkpoints.map(({ which, path, note }) => (
          <li key={which}>
            <span>
              <strong>{which}</strong> {path ? <code>{path}</code> : <em>none yet</em>} {note}
            </span>
            {path ? (
              <span className="training-panel__row">
                <button type="button" onClick={() => void save(path, which)}>
                  Save {which} as model…
                </button>
                {info?.kind === 'web' ? (
                  <button type="button" onClick={() => void download(path, which)}>
                    Download {which} (.zip)
                  </button>
                ) : null}
                <button type="button" onClick={() => onPredict(path)}>
                  Predict with {which}
                </button>
                <button type="button" onClick={() => editor.getState().setUi({ modelExport: { checkpoint: path } })}>
                  Export {which}…
                </button>
                {validated ? null : (
                  <button type="button" disabled={evaluation.busy} onClick={() => void evaluate(path)}>
                    Evaluate {which}
                  </button>
                )}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {notice ? <p role="status">{notice}</p> : null}
      {evaluation.busy ? <p role="status">Evaluating…</p> : null}
      {evaluation.error ? (
        <p role="alert" className="training-panel__error">
          {evaluation.error}
        </p>
      ) : null}
      {validated ? (
        <ConfusionMatrix classNames={run.classNames} confusion={validated.matrix} caption={validationCaption(validated)} />
      ) : evaluation.report ? (
        <ConfusionMatrix classNames={evaluation.report.classNames} confusion={evaluation.report.confusion} caption={evaluationCaption(evaluation.report, evaluatedOn ?? 'the bundled sample')} />
      ) : null}
      {run.config ? (
        <details>
          <summary>Run settings</summary>
          <dl className="run-results__settings">
            <dt>Backend</dt>
            <dd>
              {run.backend} on {run.device}
              {run.workers > 1 ? ` × ${run.workers} workers` : ''}
            </dd>
            <dt>Folder</dt>
            <dd>
              <code>{run.runDir}</code>
            </dd>
            <dt>Classes</dt>
            <dd>{printable(run.classNames.join(', '))}</dd>
            {settingRows(run.config).map(({ label, value }) => (
              <div key={label} className="run-results__setting">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      {run.logs.length > 0 ? (
        <details>
          <summary>Log ({run.logs.length})</summary>
          <ul className="run-results__log">
            {run.logs.map((line, index) => (
              <li key={index} className={`run-results__log--${line.level}`}>
                {line.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export const RunResults = memo(RunResultsView);
