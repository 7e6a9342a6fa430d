import { describe, expect, it } from 'vitest';
import { versionLine, versionRows, type AppVersions } from './versions';

const desktop: AppVersions = { app: '0.1.0', node: '24.1.0', tfjs: '4.22.0', electron: '42.11.18', chrome: '146.0.1', platform: 'win32', arch: 'x64' };

describe('versions', () => {
  it('lists the desktop runtimes, and leaves out what the web host does not have', () => {
    expect(versionRows(desktop)).toEqual([
      ['Inception Studio', '0.1.0'],
      ['Electron', '42.11.18'],
      ['Chromium', '146.0.1'],
      ['Node.js', '24.1.0'],
      ['TensorFlow.js', '4.22.0'],
      ['Platform', 'win32 x64'],
    ]);
    expect(versionRows({ ...desktop, electron: null, chrome: null }).map(([label]) => label)).toEqual(['Inception Studio', 'Node.js', 'TensorFlow.js', 'Platform']);
  });

  it('says it all on one line for --version and bug reports', () => {
    expect(versionLine(desktop)).toBe('inception-studio 0.1.0 (Electron 42.11.18, Chromium 146.0.1, Node.js 24.1.0, TensorFlow.js 4.22.0, win32 x64)');
  });
});
