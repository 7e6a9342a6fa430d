import { memo, useEffect, useState, type FormEvent } from 'react';
import type { DirectoryEntry } from '../../../app/protocol';
import { openDesign, saveDesign, suggestedFileName } from '../../documents/documentFiles';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import './FileDialog.css';

function parentOf(path: string): string {
  const cut = path.replace(/[\\/]+$/, '').search(/[\\/][^\\/]*$/);
  return cut <= 0 ? path : path.slice(0, cut);
}

function joinPath(folder: string, name: string): string {
  return `${folder.replace(/[\\/]+$/, '')}/${name}`;
}

/** Open and Save As for the web host, which has no native file dialog: browse its folders. */
function FileDialogView() {
  const { store, host } = useEditorContext();
  const mode = useEditor((s) => s.ui.fileDialog);
  const setUi = useEditor((s) => s.setUi);
  const [folder, setFolder] = useState<string | null>(null);
  const [entries, setEntries] = useState<readonly DirectoryEntry[]>([]);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (mode === null) return;
    void host.info().then((info) => {
      const root = info.roots[0] ?? '';
      const current = store.getState().file?.path;
      setFolder(current ? parentOf(current) : root);
      setPath(mode === 'saveAs' ? joinPath(current ? parentOf(current) : root, suggestedFileName(store.getState().document.name)) : '');
    });
  }, [host, mode, store]);

  // Re-read the folder each time the dialog opens: files may have appeared since.
  useEffect(() => {
    if (mode === null || folder === null || folder === '') return;
    void host.listDirectory({ path: folder }).then((reply) => {
      if (reply.ok) {
        setEntries(reply.value);
        setError(null);
      } else setError(reply.error);
    });
  }, [folder, host, mode]);

  if (mode === null) return null;
  const close = () => setUi({ fileDialog: null });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = mode === 'open' ? await openDesign(store, host, path) : await saveDesign(store, host, { path });
    if (done || store.getState().problem) close();
  };
  const title = mode === 'open' ? 'Open design' : 'Save design as';

  return (
    <div className="modal file-dialog" role="dialog" aria-modal="true" aria-label={title}>
      <form className="modal__panel file-dialog__panel" onSubmit={(event) => void submit(event)}>
        <h2 className="file-dialog__title">{title}</h2>
        <div className="file-dialog__folder">
          <button type="button" className="dialog-button" aria-label="Parent folder" onClick={() => folder && setFolder(parentOf(folder))}>
            ↑
          </button>
          <span>{folder}</span>
        </div>
        <ul className="file-dialog__entries" role="listbox" aria-label="Files">
          {entries.map((entry) => (
            <li
              key={entry.path}
              role="option"
              aria-selected={entry.path === path}
              className={`file-dialog__entry file-dialog__entry--${entry.kind}`}
              onClick={() => (entry.kind === 'directory' ? setFolder(entry.path) : setPath(entry.path))}
              onDoubleClick={() => entry.kind === 'file' && setPath(entry.path)}
            >
              {entry.kind === 'directory' ? '📁 ' : ''}
              {entry.name}
            </li>
          ))}
        </ul>
        {error ? (
          <p className="file-dialog__error" role="alert">
            {error}
          </p>
        ) : null}
        <label className="file-dialog__path">
          File path
          <input type="text" value={path} onChange={(event) => setPath(event.target.value)} aria-label="File path" />
        </label>
        <div className="file-dialog__buttons">
          <button type="button" className="dialog-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="dialog-button" disabled={path.trim() === ''}>
            {mode === 'open' ? 'Open' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}

export const FileDialog = memo(FileDialogView);
