/**
 * Where the engine keeps what it learns about this machine (the doctor's measurements), shared
 * by the command line and the desktop app: `INCEPTION_STUDIO_USER_DATA` when set, else the
 * platform's per-user application-data folder.
 */

import os from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'Inception Studio';

export function userDataDir(): string {
  const override = process.env.INCEPTION_STUDIO_USER_DATA;
  if (override) return override;
  const home = os.homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}
