import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import { DESIGN_EXTENSION } from '../../../app/design/types';
import type { DirectoryEntry } from '../../../app/protocol';
import { openDesign, saveDesign, suggestedFileName } from '../../documents/documentFiles';
import { openTargetFor, parentOf, saveTargetFor, stemOf } from '../../documents/hostPaths';
import { useEditor } from '../../hooks/useEditor';
import { useEditorContext } from '../../hooks/useEditorContext';
import { useDirectoryListing } from '../../hooks/useDirectoryListing';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import { FileList } from './FileList';
import './FileDialog.css';

type Mode = 'open' | 'saveAs';
type Filter = 'designs' | 'all';

const FILTERS: Readonly<Record<Filter, string>> = { designs: `Designs (*${DESIGN_EXTENSION})`, all: 'All files' };
const FILTER_NAMES = Object.keys(FILTERS) as Filter[];

const shown = (entry: DirectoryEntry, filter: Filter): boolean =>
  entry.kind === 'directory' || filter === 'all' || entry.name.toLowerCase().endsWith(DESIGN_EXTENSION);

/** Open and Save As for the web host, which has no native file dialog: browse its folders. */
function FileDialogView() {
  const mode = useEditor((s) => s.ui.fileDialog);
  return mode ? <FileDialogPanel key={mode} mode={mode} /> : null;
}

function FileDialogPanel({ mode }: { mode: Mode }) {
  const { store, host } = useEditorContext();
  const setUi = useEditor((s) => s.setUi);
  const close = () => setUi({ fileDialog: null });
  const dialog = useFocusTrap<HTMLDivElement>({ onEscape: close, initialFocus: mode === 'open' ? '[role="listbox"]' : 'input[type="text"]' });
  const [roots, setRoots] = useState<readonly string[]>([]);
  const [folder, setFolder] = useState<string | null>(null);
  // Read again each time a folder is shown: files may have appeared since.
  const listing = useDirectoryListing(folder);
  const entries = listing.entries;
  const [filter, setFilter] = useState<Filter>('designs');
  const [active, setActive] = useState<string | null>(null);
  const [name, setName] = useState(() => {
    const { file, document } = store.getState();
    return mode === 'saveAs' ? (file?.name ?? suggestedFileName(document.name)) : '';
  });
  const [error, setError] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);

  // Save As: the name's stem is selected, so typing replaces it and keeps the extension.
  useEffect(() => {
    const field = nameField.current;
    if (mode === 'saveAs' && field && document.activeElement === field) field.setSelectionRange(0, stemOf(field.value).length);
  }, [mode]);

  // Start next to the open design, else in the host's first folder.
  useEffect(() => {
    void host.info().then((info) => {
      const current = store.getState().file?.path;
      setRoots(info.roots);
      setFolder(current ? parentOf(current) : (info.roots[0] ?? ''));
    });
  }, [host, store]);

  const visible = entries.filter((entry) => shown(entry, filter));
  const atRoot = folder === null || roots.includes(folder);
  const goUp = () => {
    if (folder === null || atRoot) return;
    setActive(folder);
    setFolder(parentOf(folder));
  };
  const enter = (path: string) => {
    setActive(null);
    setError(null);
    setFolder(path);
  };

  const finish = async (path: string) => {
    if (mode === 'open') {
      const done = await openDesign(store, host, path);
      if (done || store.getState().problem) close();
      return;
    }
    const current = store.getState().file?.path;
    const existing = entries.find((entry) => entry.path === path);
    if (existing?.kind === 'directory') return setError(`${path} is a folder: type a file name`);
    if (existing && path !== current && !window.confirm(`“${existing.name}” already exists. Replace it?`)) return;
    const done = await saveDesign(store, host, { path });
    if (done || store.getState().problem) close();
  };

  const choose = (entry: DirectoryEntry) => {
    if (entry.kind === 'directory') return enter(entry.path);
    setName(entry.name);
    void finish(entry.path);
  };

  const submitNow = () => {
    if (folder === null) return;
    const typed = name.trim();
    const highlighted = visible.find((entry) => entry.path === active);
    if (typed === '') return highlighted ? choose(highlighted) : undefined;
    const listed = entries.map((entry) => entry.path);
    const path = mode === 'open' ? openTargetFor(typed, folder, listed) : saveTargetFor(typed, folder);
    const asFolder = entries.find((entry) => entry.kind === 'directory' && (entry.path === path || entry.name === typed));
    if (asFolder) {
      setName('');
      return enter(asFolder.path);
    }
    void finish(path);
  };

  // Enter before the folder has been read (a busy host) is kept and carried out once it has.
  const submitQueued = useRef(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (listing.ready) submitNow();
    else submitQueued.current = true;
  };
  useEffect(() => {
    if (!listing.ready || !submitQueued.current) return;
    submitQueued.current = false;
    submitNow();
  });

  const title = mode === 'open' ? 'Open design' : 'Save design as';
  return (
    <div className="modal file-dialog" role="dialog" aria-modal="true" aria-label={title} ref={dialog}>
      <form className="modal__panel file-dialog__panel" onSubmit={submit}>
        <h2 className="file-dialog__title">{title}</h2>
        <div className="file-dialog__folder">
          <button type="button" className="dialog-button" aria-label="Parent folder" title="Parent folder (Backspace)" disabled={atRoot} onClick={goUp}>
            ↑
          </button>
          <span aria-label="Folder">{folder}</span>
        </div>
        <FileList
          label="Files"
          entries={visible}
          active={active}
          onActiveChange={(entry) => {
            setActive(entry.path);
            if (entry.kind === 'file') setName(entry.name);
          }}
          onOpen={choose}
          onUp={goUp}
        />
        {visible.length === 0 && !listing.error ? (
          <p className="file-dialog__empty">{filter === 'designs' ? 'No designs or folders here. Show: All files lists everything.' : 'This folder is empty.'}</p>
        ) : null}
        {error ?? listing.error ? (
          <p className="file-dialog__error" role="alert">
            {error ?? listing.error}
          </p>
        ) : null}
        <div className="file-dialog__fields">
          <label className="file-dialog__path">
            {mode === 'open' ? 'File name or path' : 'Name (saved in this folder unless a full path)'}
            <input ref={nameField} type="text" value={name} onChange={(event) => setName(event.target.value)} aria-label="File name" spellCheck={false} />
          </label>
          <label className="file-dialog__path">
            Show
            <select value={filter} onChange={(event) => setFilter(event.target.value as Filter)} aria-label="Show">
              {FILTER_NAMES.map((key) => (
                <option key={key} value={key}>
                  {FILTERS[key]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {mode === 'saveAs' ? <p className="file-dialog__hint">{DESIGN_EXTENSION} is added when the name has no extension.</p> : null}
        <div className="file-dialog__buttons">
          <button type="button" className="dialog-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="dialog-button" disabled={name.trim() === '' && !visible.some((entry) => entry.path === active)}>
            {mode === 'open' ? 'Open' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}

export const FileDialog = memo(FileDialogView);
