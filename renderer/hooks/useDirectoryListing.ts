import { useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../app/protocol';
import { ask } from '../store/runCommands';
import { useEditorContext } from './useEditorContext';

/** A host folder's entries, read again whenever `path` changes; null path: nothing yet. */
export function useDirectoryListing(path: string | null): { entries: readonly DirectoryEntry[]; error: string | null } {
  const { host } = useEditorContext();
  const [listing, setListing] = useState<{ entries: readonly DirectoryEntry[]; error: string | null }>({ entries: [], error: null });
  useEffect(() => {
    if (path === null || path === '') return;
    let live = true;
    void ask(() => host.listDirectory({ path })).then((result) => {
      if (live) setListing(result.ok ? { entries: result.value, error: null } : { entries: [], error: result.error });
    });
    return () => {
      live = false;
    };
  }, [host, path]);
  return listing;
}
