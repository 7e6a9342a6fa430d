/**
 * The versions this process runs with, read from the runtime and the installed packages (not
 * from what package.json asks for). Reads files only; TensorFlow.js itself is not loaded.
 */

import { createRequire } from 'node:module';
import type { AppVersions } from '../versions';

const require = createRequire(import.meta.url);

/** This checkout's (or installed package's) version, from the package.json at its root. */
export function packageVersion(): string {
  return (require('../../package.json') as { version: string }).version;
}

export function runtimeVersions(app: string = packageVersion()): AppVersions {
  return {
    app,
    node: process.versions.node,
    tfjs: (require('@tensorflow/tfjs/package.json') as { version: string }).version,
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    platform: process.platform,
    arch: process.arch,
  };
}
