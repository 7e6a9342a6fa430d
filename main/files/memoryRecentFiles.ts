/** Recent files kept for the life of the process only: the web host serves many browsers. */

import type { RecentFiles } from './recentFiles';
import { withRecent } from './recentFiles';

export function memoryRecentFiles(): RecentFiles {
  let paths: string[] = [];
  return {
    list: () => paths,
    async add(path) {
      paths = withRecent(paths, path);
    },
    async clear() {
      paths = [];
    },
  };
}
