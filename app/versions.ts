/**
 * What a bug report needs to say which build it is about: the app, its runtimes and the
 * platform. The About dialog (both hosts) and `inception-studio --version` show the same list.
 */

/** The product's name as windows, menus and dialogs show it. */
export const APP_NAME = 'Inception Studio';

/** The licence of the app itself (package.json says the same; a test holds them together). */
export const APP_LICENCE = 'MIT';

export interface AppVersions {
  app: string;
  /** The Node.js the host runs on (Electron's own in the desktop app). */
  node: string;
  tfjs: string;
  /** Desktop app only. */
  electron: string | null;
  chrome: string | null;
  platform: string;
  arch: string;
}

/** `[label, value]` rows in reading order; runtimes the host does not have are left out. */
export function versionRows(versions: AppVersions): [string, string][] {
  const rows: [string, string | null][] = [
    [APP_NAME, versions.app],
    ['Electron', versions.electron],
    ['Chromium', versions.chrome],
    ['Node.js', versions.node],
    ['TensorFlow.js', versions.tfjs],
    ['Platform', `${versions.platform} ${versions.arch}`],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

/** One line, for `--version` and for pasting into a bug report. */
export function versionLine(versions: AppVersions): string {
  const runtimes = versionRows(versions).filter(([label]) => label !== APP_NAME && label !== 'Platform');
  return `inception-studio ${versions.app} (${[...runtimes.map(([label, value]) => `${label} ${value}`), `${versions.platform} ${versions.arch}`].join(', ')})`;
}
