/** The recently opened designs, newest first, kept in a small JSON file in the app's data folder. */

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite';

export interface RecentFiles {
  list(): readonly string[];
  add(path: string): Promise<void>;
  clear(): Promise<void>;
}

export const RECENT_LIMIT = 10;

/** The list with `path` moved (or added) to the front. */
export const withRecent = (paths: readonly string[], path: string): string[] => [path, ...paths.filter((p) => p !== path)].slice(0, RECENT_LIMIT);

export async function loadRecentFiles(storePath: string, onChange: (paths: readonly string[]) => void = () => {}): Promise<RecentFiles> {
  let paths: string[] = await readFile(storePath, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .then((value) => (Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string').slice(0, RECENT_LIMIT) : []))
    .catch(() => []);

  const persist = async (): Promise<void> => {
    await writeFileAtomic(storePath, JSON.stringify(paths, null, 2));
    onChange(paths);
  };

  return {
    list: () => paths,
    async add(path) {
      paths = withRecent(paths, path);
      await persist();
    },
    async clear() {
      paths = [];
      await persist();
    },
  };
}
