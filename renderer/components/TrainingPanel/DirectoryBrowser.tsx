import { useState } from 'react';
import { parentOf } from '../../documents/hostPaths';
import { useDirectoryListing } from '../../hooks/useDirectoryListing';

interface DirectoryBrowserProps {
  start: string;
  onChoose(path: string): void;
  onCancel(): void;
  /** What is being chosen, for screen readers; default: a dataset. */
  label?: string;
  /** The files that may be chosen (folders always may); default: CSV manifests. */
  accepts?: (fileName: string) => boolean;
}

const isCsv = (name: string): boolean => name.toLowerCase().endsWith('.csv');

/** Walks the host's folders (only those it allows) to pick a folder or a file: a dataset's, by default. */
export function DirectoryBrowser({ start, onChoose, onCancel, label = 'Choose a dataset', accepts = isCsv }: DirectoryBrowserProps) {
  const [path, setPath] = useState(start);
  const { entries, error } = useDirectoryListing(path);

  return (
    <div className="directory-browser" role="group" aria-label={label}>
      <div className="directory-browser__path">
        <button type="button" onClick={() => setPath(parentOf(path))} aria-label="Up one folder">
          ↑
        </button>
        <code>{path}</code>
      </div>
      {error ? <p role="alert" className="training-panel__error">{error}</p> : null}
      <ul className="directory-browser__list" aria-label="Folder contents">
        {entries
          .filter((entry) => entry.kind === 'directory' || accepts(entry.name))
          .map((entry) => (
            <li key={entry.path}>
              {entry.kind === 'directory' ? (
                <button type="button" aria-label={`Open folder ${entry.name}`} onClick={() => setPath(entry.path)}>
                  {entry.name}/
                </button>
              ) : (
                <button type="button" aria-label={`Choose ${entry.name}`} onClick={() => onChoose(entry.path)}>
                  {entry.name}
                </button>
              )}
            </li>
          ))}
      </ul>
      <div className="training-panel__row">
        <button type="button" onClick={() => onChoose(path)}>
          Use this folder
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
