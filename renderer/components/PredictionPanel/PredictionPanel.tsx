import { memo, useState, type DragEvent } from 'react';
import { serializeDesign } from '../../../app/design/document';
import { inferenceText } from '../../../app/text/inferenceText';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useHostInfo } from '../../hooks/useHostInfo';
import { UploadToHost, type Uploaded } from '../UploadToHost/UploadToHost';
import { useRun, useRunStore } from '../../hooks/useRun';
import { predictImages } from '../../store/runCommands';
import type { PredictionModel } from '../../store/runStore';
import { readImageFiles } from './imageFiles';
import { PredictionResults } from './PredictionResults';
import './PredictionPanel.css';

interface CheckpointChoice {
  label: string;
  model: Extract<PredictionModel, { kind: 'checkpoint' }>;
}

/** Top-5 predictions for dropped or picked images, from the design (random weights), a checkpoint or a saved model. */
function PredictionPanelView() {
  const { host, store: editor } = useEditorContext();
  const store = useRunStore();
  const prediction = useRun((s) => s.prediction);
  const runs = useRun((s) => s.runs);
  const [hostPath, setHostPath] = useState('');
  const [modelDir, setModelDir] = useState(prediction.model.kind === 'modelDir' ? prediction.model.path : '');
  const [dragging, setDragging] = useState(false);
  const info = useHostInfo();
  const { model } = prediction;

  const checkpoints: CheckpointChoice[] = Object.values(runs).flatMap((run) =>
    (['best', 'last'] as const).flatMap((which) => {
      const path = which === 'best' ? run.bestCheckpoint : run.lastCheckpoint;
      return path ? [{ label: `${run.runId} — ${which}`, model: { kind: 'checkpoint' as const, runId: run.runId, which, path } }] : [];
    }),
  );
  const checkpointKey = model.kind === 'checkpoint' ? model.path : '';

  const addFiles = async (files: Iterable<File>) => {
    const { images, skipped } = await readImageFiles(files);
    store.getState().setPrediction({
      images: [...store.getState().prediction.images, ...images],
      error: skipped.length > 0 ? `Not images, left out: ${skipped.join(', ')}` : null,
    });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  };
  const addHostPath = () => {
    const path = hostPath.trim();
    if (!path) return;
    const name = path.split(/[\\/]/).pop() ?? path;
    store.getState().setPrediction({ images: [...prediction.images, { name, path, preview: null }] });
    setHostPath('');
  };
  /** Uploaded images are predicted from their copies on the host, previewed from the picked files. */
  const addUploaded = ({ paths, files }: Uploaded) => {
    const images = paths.map((path, index) => ({ name: files[index]?.name ?? path, path, preview: files[index] ? URL.createObjectURL(files[index]) : null }));
    store.getState().setPrediction({ images: [...store.getState().prediction.images, ...images], error: null });
  };
  const setModel = (next: PredictionModel) => store.getState().setPrediction({ model: next, results: [], inference: null });

  return (
    <div className="prediction-panel">
      <fieldset className="training-panel__fieldset prediction-panel__model">
        <legend>Model</legend>
        <label className="prediction-panel__choice">
          <input type="radio" name="prediction-model" checked={model.kind === 'design'} onChange={() => setModel({ kind: 'design' })} />
          The current design, random weights
        </label>
        <label className="prediction-panel__choice">
          <input type="radio" name="prediction-model" checked={model.kind === 'checkpoint'} disabled={checkpoints.length === 0} onChange={() => checkpoints[0] && setModel(checkpoints[0].model)} />
          A checkpoint of a run
        </label>
        {model.kind === 'checkpoint' ? (
          <select aria-label="Checkpoint" value={checkpointKey} onChange={(event) => setModel(checkpoints.find((c) => c.model.path === event.target.value)?.model ?? model)}>
            {checkpoints.map((choice) => (
              <option key={choice.model.path} value={choice.model.path}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : null}
        <label className="prediction-panel__choice">
          <input type="radio" name="prediction-model" checked={model.kind === 'modelDir'} onChange={() => setModel({ kind: 'modelDir', path: modelDir })} />
          A saved model directory
        </label>
        {model.kind === 'modelDir' ? (
          <input
            type="text"
            aria-label="Model directory"
            placeholder="/path/to/model"
            // An import may have chosen the directory since this panel opened.
            value={modelDir.trim() === model.path ? modelDir : model.path}
            onChange={(event) => {
              setModelDir(event.target.value);
              setModel({ kind: 'modelDir', path: event.target.value.trim() });
            }}
          />
        ) : null}
      </fieldset>
      <div className="prediction-panel__images">
        <div
          className={dragging ? 'prediction-panel__drop prediction-panel__drop--over' : 'prediction-panel__drop'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          role="group"
          aria-label="Drop images here"
        >
          <p>Drop images here, or</p>
          <label className="prediction-panel__pick">
            Choose images…
            <input type="file" accept="image/*" multiple aria-label="Choose images" onChange={(event) => event.target.files && void addFiles(event.target.files)} />
          </label>
          {info?.kind === 'web' ? <UploadToHost kind="files" label="Upload images to the host…" roots={info.roots} onUploaded={addUploaded} /> : null}
          <div className="training-panel__row">
            <input type="text" aria-label="Image path on the host" placeholder="or a path on the host" value={hostPath} onChange={(event) => setHostPath(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && addHostPath()} />
            <button type="button" onClick={addHostPath}>
              Add path
            </button>
          </div>
        </div>
        <p aria-label="Images to predict">
          {prediction.images.length === 0 ? 'No images yet.' : prediction.images.map((image) => image.name).join(', ')}
        </p>
        <div className="training-panel__row">
          <button type="button" className="training-panel__primary" disabled={prediction.busy || prediction.images.length === 0} onClick={() => void predictImages(host, store, serializeDesign(editor.getState().document))}>
            Predict
          </button>
          <button type="button" disabled={prediction.images.length === 0} onClick={() => store.getState().setPrediction({ images: [], results: [], inference: null, error: null })}>
            Clear images
          </button>
        </div>
        {prediction.busy ? <p role="status">Predicting…</p> : null}
        {prediction.error ? (
          <p role="alert" className="training-panel__error">
            {prediction.error}
          </p>
        ) : null}
      </div>
      <div className="prediction-panel__results">
        {prediction.inference && prediction.results.length > 0 ? <p className="prediction-panel__ran-on">Ran on {inferenceText(prediction.inference)}</p> : null}
        <PredictionResults images={prediction.images} results={prediction.results} />
      </div>
    </div>
  );
}

export const PredictionPanel = memo(PredictionPanelView);
