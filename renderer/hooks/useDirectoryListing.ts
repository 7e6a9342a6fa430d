import { useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../app/protocol';
import { ask } from '../store/runCommands';
import { useEditorContext } from './useEditorContext';

export interface DirectoryListing {
  entries: readonly DirectoryEntry[];
  error: string | null;
  /** The entries are those of `path`: false while it is unknown or still being read. */
  ready: boolean;
}

interface Read {
  path: string;
  entries: readonly DirectoryEntry[];
  error: string | null;
}

/**
 * A host folder's entries, read again whenever `path` changes; null path: nothing yet. A listing
 * of the folder shown before is never passed off as this one's (a Save As would check the wrong
 * folder for a file to replace).
 */
export function useDirectoryListing(path: string | null): DirectoryListing {
  const { host } = useEditorContext();
  const [read, setRead] = useState<Read | null>(null);
  useEffect(() => {
    if (path === null || path === '') return;
    let live = true;
    void ask(() => host.listDirectory({ path })).then((result) => {
      if (live) setRead(result.ok ? { path, entries: result.value, error: null } : { path, entries: [], error: result.error });
    });
    return () => {
      live = false;
    };
  }, [host, path]);
  return read !== null && read.path === path ? { entries: read.entries, error: read.error, ready: true } : { entries: [], error: null, ready: false };
}
