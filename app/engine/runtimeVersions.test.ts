import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { APP_LICENCE } from '../versions';
import { packageVersion, runtimeVersions } from './runtimeVersions';

describe('runtime versions', () => {
  it('reads the app, Node.js and the installed TensorFlow.js, and knows it is not in Electron', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; license: string };
    const tfjs = JSON.parse(await readFile(new URL('../../node_modules/@tensorflow/tfjs/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
    expect(runtimeVersions()).toEqual({ app: pkg.version, node: process.versions.node, tfjs: tfjs.version, electron: null, chrome: null, platform: process.platform, arch: process.arch });
    expect(runtimeVersions('9.9.9').app).toBe('9.9.9');
    expect(APP_LICENCE).toBe(pkg.license);
  });
});
