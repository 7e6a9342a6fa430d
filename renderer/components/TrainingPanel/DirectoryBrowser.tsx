import { useState } from 'react';
import { parentOf } from '../../documents/hostPaths';
import { useDirectoryListing } from '../../hooks/useDirectoryListing';

interface DirectoryBrowserProps {
  start: string;
  onChoose(path: string): void;
  onCancel(): void;
}

/** Walks the host's folders (only those it allows) to pick a dataset folder or CSV file. */
export function DirectoryBrowser({ start, onChoose, onCancel }: DirectoryBrowserProps) {
  const [path, setPath] = useState(start);
  const { entries, error } = useDirectoryListing(path);

  return (
    <div className="directory-browser" role="group" aria-label="Choose a dataset">
      <div className="directory-browser__path">
        <button type="button" onClick={() => setPath(parentOf(path))} aria-label="Up one folder">
          ↑
        </button>
        <code>{path}</code>
      </div>
      {error ? <p role="alert" className="training-panel__error">{error}</p> : null}
      <ul className="directory-browser__list" aria-label="Folder contents">
        {entries
          .filter((entry) => entry.kind === 'directory' || entry.name.toLowerCase().endsWith('.csv'))
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
