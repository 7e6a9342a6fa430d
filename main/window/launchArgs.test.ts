import { describe, expect, it } from 'vitest';
import { designFilesInArgs } from './launchArgs';

describe('designFilesInArgs', () => {
  it('picks design files from argv, resolving relative ones against the working folder', () => {
    const argv = ['/opt/studio/inception-studio', '--no-sandbox', '.', 'nets/a.incept.json', '/abs/B.INCEPT.JSON', 'notes.txt'];
    expect(designFilesInArgs(argv, '/home/me')).toEqual(['/home/me/nets/a.incept.json', '/abs/B.INCEPT.JSON']);
  });
});
