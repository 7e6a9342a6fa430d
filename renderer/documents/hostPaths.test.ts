import { describe, expect, it } from 'vitest';
import { baseName, joinPath, openTargetFor, parentOf, saveTargetFor, stemOf } from './hostPaths';

describe('host paths', () => {
  it('finds parents of POSIX and Windows paths, stopping at the root', () => {
    expect(parentOf('/srv/nets/a.incept.json')).toBe('/srv/nets');
    expect(parentOf('/srv/nets/')).toBe('/srv');
    expect(parentOf('/srv')).toBe('/');
    expect(parentOf('/')).toBe('/');
    expect(parentOf('C:\\nets\\a.incept.json')).toBe('C:\\nets');
    expect(parentOf('C:\\nets')).toBe('C:\\');
  });

  it('joins with the folder’s own separator', () => {
    expect(joinPath('/srv/nets/', 'a')).toBe('/srv/nets/a');
    expect(joinPath('C:\\nets', 'a')).toBe('C:\\nets\\a');
    expect(baseName('/srv/nets/a.png')).toBe('a.png');
  });

  it('takes the stem of design files and other files', () => {
    expect(stemOf('net.incept.json')).toBe('net');
    expect(stemOf('chart.png')).toBe('chart');
    expect(stemOf('.hidden')).toBe('.hidden');
  });

  it('saves a bare name in the folder with the design extension, keeps absolute paths', () => {
    expect(saveTargetFor(' small net ', '/srv/nets')).toBe('/srv/nets/small net.incept.json');
    expect(saveTargetFor('sub/net.json', '/srv/nets')).toBe('/srv/nets/sub/net.incept.json');
    expect(saveTargetFor('/elsewhere/net.incept.json', '/srv/nets')).toBe('/elsewhere/net.incept.json');
  });

  it('opens a typed name from the folder, adding the design extension only when that file is there', () => {
    expect(openTargetFor('net', '/d', ['/d/net.incept.json'])).toBe('/d/net.incept.json');
    expect(openTargetFor('net', '/d', ['/d/net', '/d/net.incept.json'])).toBe('/d/net');
    expect(openTargetFor('/x/y.json', '/d', [])).toBe('/x/y.json');
  });
});
