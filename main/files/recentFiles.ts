/** The recently opened designs, newest first, kept in a small JSON file in the app's data folder. */

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../app/node/files/writeFileAtomic';

export interface RecentFiles {
  list(): readonly string[];
  add(path: string): Promise<void>;
  clear(): Promise<void>;
}

export const RECENT_LIMIT = 10;

/** A list in memory, newest first and at most `limit` long; `persist` runs after each change. */
export function recentFilesList(initial: readonly string[], persist: (paths: readonly string[]) => Promise<void>, limit = RECENT_LIMIT): RecentFiles {
  let paths = initial.slice(0, limit);
  const change = async (next: string[]): Promise<void> => {
    paths = next;
    await persist(paths);
  };
  return {
    list: () => paths,
    add: (path) => change([path, ...paths.filter((p) => p !== path)].slice(0, limit)),
    clear: () => change([]),
  };
}

export async function loadRecentFiles(storePath: string, onChange: (paths: readonly string[]) => void = () => {}, limit = RECENT_LIMIT): Promise<RecentFiles> {
  const stored: string[] = await readFile(storePath, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .then((value) => (Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : []))
    .catch(() => []);
  return recentFilesList(
    stored,
    async (paths) => {
      await writeFileAtomic(storePath, JSON.stringify(paths, null, 2));
      onChange(paths);
    },
    limit,
  );
}
