import { memo, useState } from 'react';
import type { ImportedModel, ImportSourceKind } from '../../../app/protocol';
import { baseName, stemOf } from '../../documents/hostPaths';
import { fileSafe } from '../../export/exportName';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useHostInfo } from '../../hooks/useHostInfo';
import { useRunStore } from '../../hooks/useRun';
import { ask } from '../../store/runCommands';
import { DirectoryBrowser } from '../TrainingPanel/DirectoryBrowser';
import { UploadToHost } from '../UploadToHost/UploadToHost';
import { ModelDialogFrame } from '../ModelExportDialog/ModelDialogFrame';

/** The files an import reads (a folder — a train.py run, a PyTorch export — is chosen as a folder). */
const isImportFile = (name: string): boolean => /\.(onnx|pt|npz)$/i.test(name);

/** `net.onnx` → `net-model`; `runs/r1` → `r1-model`. */
const modelNameFor = (source: string): string => `${fileSafe(stemOf(baseName(source))) || 'imported'}-model`;

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'done'; model: ImportedModel } | { state: 'failed'; error: string };

/** File › Import model…: weights trained elsewhere (train.py, a PyTorch export, an exported .onnx) as a model directory. */
function ModelImportDialogView() {
  const open = useEditor((s) => s.ui.modelImport);
  return open ? <ModelImportPanel /> : null;
}

function ModelImportPanel() {
  const { host, store } = useEditorContext();
  const runStore = useRunStore();
  const info = useHostInfo();
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [browsing, setBrowsing] = useState(false);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const close = () => store.getState().setUi({ modelImport: false });

  const choose = (path: string) => {
    setSource(path);
    setName(modelNameFor(path));
    setStatus({ state: 'idle' });
  };
  const pick = async (kind: ImportSourceKind) => {
    const chosen = await ask(() => host.chooseImportSource({ kind }));
    if (!chosen.ok) setStatus({ state: 'failed', error: chosen.error });
    else if (chosen.value !== null) choose(chosen.value);
  };
  const run = async () => {
    setStatus({ state: 'busy' });
    const result = await ask(() => host.importModel({ source: source.trim(), suggestedName: name.trim() || modelNameFor(source) }));
    if (!result.ok) setStatus({ state: 'failed', error: result.error });
    else setStatus(result.value === null ? { state: 'idle' } : { state: 'done', model: result.value });
  };
  const predictWith = (path: string) => {
    runStore.getState().setPrediction({ model: { kind: 'modelDir', path }, results: [], error: null });
    runStore.getState().setDock('predict');
    close();
  };

  const message =
    status.state === 'failed'
      ? { error: status.error }
      : { text: status.state === 'busy' ? 'Importing…' : status.state === 'done' ? `Imported ${status.model.designName} (${status.model.classNames.length} classes) into ${status.model.file.path}` : '' };
  const action =
    status.state === 'done' ? (
      <button type="button" className="dialog-button model-export__primary" onClick={() => predictWith(status.model.file.path)}>
        Open in the prediction panel
      </button>
    ) : (
      <button type="button" className="dialog-button model-export__primary" disabled={source.trim() === '' || status.state === 'busy'} onClick={() => void run()}>
        Import
      </button>
    );

  return (
    <ModelDialogFrame title="Import model" message={message} onClose={close} actions={action}>
      <p className="modal__note">
        A train.py run folder or checkpoint, a PyTorch export folder, or an .onnx the Studio exported. Its weights are checked against its design, then written as a model
        directory that prediction and evaluation use.
      </p>
      <fieldset className="modal__group">
        <legend>From</legend>
        <input type="text" aria-label="Import from" placeholder="/path/to/net.onnx or a run folder" value={source} onChange={(event) => choose(event.target.value)} />
        <div className="model-export__actions model-export__actions--start">
          {info?.kind === 'web' ? (
            <button type="button" className="dialog-button" onClick={() => setBrowsing(true)}>
              Browse the host…
            </button>
          ) : (
            <>
              <button type="button" className="dialog-button" onClick={() => void pick('file')}>
                Choose file…
              </button>
              <button type="button" className="dialog-button" onClick={() => void pick('folder')}>
                Choose folder…
              </button>
            </>
          )}
        </div>
        {browsing && info ? (
          <DirectoryBrowser
            start={info.roots[0] ?? '/'}
            label="Choose what to import"
            accepts={isImportFile}
            onCancel={() => setBrowsing(false)}
            onChoose={(path) => {
              setBrowsing(false);
              choose(path);
            }}
          />
        ) : null}
        {info?.kind === 'web' ? <UploadToHost kind="files" label="Upload an .onnx to the host…" roots={info.roots} onUploaded={({ paths }) => paths[0] && choose(paths[0])} /> : null}
      </fieldset>
      <label className="model-export__choice">
        Model folder name
        <input type="text" aria-label="Model folder name" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
    </ModelDialogFrame>
  );
}

export const ModelImportDialog = memo(ModelImportDialogView);
