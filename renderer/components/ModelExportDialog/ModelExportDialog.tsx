import { memo, useId, useState } from 'react';
import { serializeDesign } from '../../../app/design/document';
import { MODEL_EXPORT_FORMATS, type ModelExportFormat, type ModelExportRequest } from '../../../app/protocol';
import { downloadBase64 } from '../../export/download';
import { exportBaseName } from '../../export/exportName';
import { checkpointChoice, modelExportName } from '../../export/modelExportName';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useHostInfo } from '../../hooks/useHostInfo';
import { useRunCheckpoints } from '../../hooks/useRunCheckpoints';
import { ask } from '../../store/runCommands';
import { ModelDialogFrame } from './ModelDialogFrame';

/** Each format as the user picks it (docs/export.md says which to use for what). */
const FORMAT_TEXT: Record<ModelExportFormat, { label: string; note: string }> = {
  onnx: { label: 'ONNX', note: 'one .onnx file: onnxruntime, TensorRT, Netron' },
  pytorch: { label: 'PyTorch folder', note: 'model.py, weights.npz and train.py for torchrun' },
  tfjs: { label: 'Portable TF.js', note: 'a Layers model plain @tensorflow/tfjs loads' },
};

/** The source radio's value for the open design (a checkpoint's is its path). */
const DESIGN = '';

type Status = { state: 'idle' } | { state: 'busy'; text: string } | { state: 'done'; text: string } | { state: 'failed'; error: string };

/** File › Export model…: the format, the source (the design with a seed's initial weights, or a checkpoint) and where it goes. */
function ModelExportDialogView() {
  const open = useEditor((s) => s.ui.modelExport);
  return open === null ? null : <ModelExportPanel key={open.checkpoint ?? DESIGN} checkpoint={open.checkpoint} />;
}

function ModelExportPanel({ checkpoint }: { checkpoint: string | null }) {
  const { host, store } = useEditorContext();
  const id = useId();
  const info = useHostInfo();
  const document = useEditor((s) => s.document);
  const designBase = useEditor((s) => exportBaseName(s.file, s.document.name));
  const found = useRunCheckpoints(document.name);
  const checkpoints = checkpoint === null || found.some((c) => c.path === checkpoint) ? found : [checkpointChoice(checkpoint), ...found];
  const [format, setFormat] = useState<ModelExportFormat>('onnx');
  const [source, setSource] = useState(checkpoint ?? DESIGN);
  const [seed, setSeed] = useState('0');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const close = () => store.getState().setUi({ modelExport: null });

  const seedValue = Number(seed);
  const seedValid = seed.trim() !== '' && Number.isInteger(seedValue) && seedValue >= 0 && seedValue < 2 ** 31;
  const ready = status.state !== 'busy' && (source !== DESIGN || seedValid);
  const name = modelExportName(designBase, source === DESIGN ? null : source, format);

  const exportTo = async (to: ModelExportRequest['to']) => {
    const request: ModelExportRequest = {
      format,
      source: source === DESIGN ? { kind: 'design', design: serializeDesign(document), seed: seedValue } : { kind: 'modelDir', path: source },
      suggestedName: name,
      to,
    };
    setStatus({ state: 'busy', text: `Exporting ${FORMAT_TEXT[format].label}…` });
    const result = await ask(() => host.exportModel(request));
    if (!result.ok) return setStatus({ state: 'failed', error: result.error });
    if (result.value === null) return setStatus({ state: 'idle' });
    if (result.value.kind === 'saved') return setStatus({ state: 'done', text: `Saved to ${result.value.file.path}` });
    downloadBase64(result.value.name, result.value.base64, result.value.name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream');
    setStatus({ state: 'done', text: `Downloaded ${result.value.name}` });
  };

  const message = status.state === 'failed' ? { error: status.error } : { text: status.state === 'idle' ? '' : status.text };
  const actions =
    info?.kind === 'web' ? (
      <>
        <button type="button" className="dialog-button" disabled={!ready} onClick={() => void exportTo('host')}>
          Save on the host
        </button>
        <button type="button" className="dialog-button model-export__primary" disabled={!ready} onClick={() => void exportTo('download')}>
          Download
        </button>
      </>
    ) : (
      <button type="button" className="dialog-button model-export__primary" disabled={!ready || !info} onClick={() => void exportTo('host')}>
        Export…
      </button>
    );

  return (
    <ModelDialogFrame title="Export model" message={message} onClose={close} actions={actions}>
      <fieldset className="modal__group">
        <legend>Format</legend>
        {MODEL_EXPORT_FORMATS.map((option) => (
          <label key={option} className="model-export__choice">
            <input type="radio" name={`${id}-format`} checked={format === option} onChange={() => setFormat(option)} />
            <span>
              {FORMAT_TEXT[option].label} <span className="modal__note">— {FORMAT_TEXT[option].note}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="modal__group">
        <legend>Network</legend>
        <label className="model-export__choice">
          <input type="radio" name={`${id}-source`} checked={source === DESIGN} onChange={() => setSource(DESIGN)} />
          <span>This design, initial weights of seed</span>
          <input
            type="text"
            inputMode="numeric"
            aria-label="Seed"
            className="model-export__seed"
            value={seed}
            aria-invalid={!seedValid}
            disabled={source !== DESIGN}
            onChange={(event) => setSeed(event.target.value)}
          />
        </label>
        {checkpoints.map((choice) => (
          <label key={choice.path} className="model-export__choice">
            <input type="radio" name={`${id}-source`} checked={source === choice.path} onChange={() => setSource(choice.path)} />
            <span>
              Checkpoint {choice.label} <code className="model-export__path">{choice.path}</code>
            </span>
          </label>
        ))}
        {checkpoints.length === 0 ? <p className="modal__note">No checkpoints of this design yet: train it to export trained weights.</p> : null}
      </fieldset>
      <p className="modal__note">
        Exported as <code>{name}</code>
        {info?.kind === 'web' ? ': downloaded to this computer (a folder as one .zip), or saved in the host’s first folder.' : '.'}
      </p>
    </ModelDialogFrame>
  );
}

export const ModelExportDialog = memo(ModelExportDialogView);
