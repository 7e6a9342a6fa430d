/** Recent files kept for the life of the process only: the web host serves many browsers. */

import { recentFilesList, type RecentFiles } from './recentFiles';

export function memoryRecentFiles(): RecentFiles {
  return recentFilesList([], async () => {});
}
