/**
 * The desktop renderer's reach, least privilege: the app's own runs folder, plus the files and
 * folders the user opened or chose in a native dialog (or handed the app from the OS), which are
 * remembered so that the runs and models of earlier sessions keep working. Not all of home.
 */

import type { PathPolicy } from './pathPolicy';
import { createPathPolicy } from './pathPolicy';
import type { RecentFiles } from './recentFiles';

/** Remembered grants, newest first; the oldest fall away (reopening one grants it again). */
export const GRANT_LIMIT = 200;

export const DESKTOP_REFUSAL_HINT = ': open it or choose it in the app first (File › Open; Folder… or CSV… for a dataset)';

export async function desktopPathPolicy(runsRoot: string, remembered: RecentFiles): Promise<PathPolicy> {
  const policy = await createPathPolicy([runsRoot], { refusalHint: DESKTOP_REFUSAL_HINT });
  for (const path of remembered.list()) await policy.grant(path);
  return {
    ...policy,
    async grant(path) {
      await policy.grant(path);
      await remembered.add(path);
    },
  };
}
