import { describe, expect, it } from 'vitest';
import { uploadPathProblem } from './uploads';

describe('upload paths', () => {
  it('accepts dataset images, CSV manifests and designs under plain relative paths', () => {
    expect(uploadPathProblem('flowers/rose/img 1.JPG')).toBeNull();
    expect(uploadPathProblem('labels.csv')).toBeNull();
    expect(uploadPathProblem('net.incept.json')).toBeNull();
  });

  it.each([
    ['../up.png', /"\." or "\.\."/],
    ['a/../../b.png', /"\." or "\.\."/],
    ['/abs.png', /not a relative path/],
    ['a//b.png', /empty/],
    ['.hidden/x.png', /hidden/],
    ['a/.bashrc', /hidden/],
    ['a\\b.png', /control character or one of/],
    ['c:x.png', /control character or one of/],
    ['bad\u0001.png', /control character/],
    ['run.sh', /not a kind of file/],
    ['x.json', /not a kind of file/],
    [`${'d/'.repeat(17)}x.png`, /folders deep/],
  ])('refuses %s', (path, problem) => {
    expect(uploadPathProblem(path)).toMatch(problem);
  });
});
