import { describe, expect, it } from 'vitest';
import { MUTATION_FOLDERS, checkerTsconfig, mutationTargets, type PathKind } from './mutationTargets';

const tree: Record<string, PathKind> = { 'main/web': 'folder', 'app/engine/images.ts': 'file', 'app/engine/images.test.ts': 'file', 'app/layers/conv.ts': 'file' };
const kindOf = (path: string): PathKind => tree[path] ?? (MUTATION_FOLDERS.includes(path as never) ? 'folder' : 'missing');

describe('mutationTargets', () => {
  it('mutates a folder’s sources, never its tests or test fixtures, with a report folder of its own', () => {
    expect(mutationTargets(['main/web/'], kindOf)).toEqual({
      ok: true,
      value: [{ path: 'main/web', mutate: ['main/web/**/*.ts', '!main/web/**/*.test.ts', '!main/web/**/testing/**'], reportDir: 'reports/mutation/main-web', ownTests: ['main/web/**/*.test.ts'] }],
    });
  });

  it('mutates a single source file, also when named without .ts', () => {
    const byFile = mutationTargets(['./app/layers/conv.ts'], kindOf);
    expect(byFile).toEqual({ ok: true, value: [{ path: 'app/layers/conv.ts', mutate: ['app/layers/conv.ts'], reportDir: 'reports/mutation/app-layers-conv', ownTests: ['app/layers/*.test.ts'] }] });
    const byStem = mutationTargets(['app/engine/images'], kindOf);
    expect(byStem).toEqual({ ok: true, value: [{ path: 'app/engine/images.ts', mutate: ['app/engine/images.ts'], reportDir: 'reports/mutation/app-engine-images', ownTests: ['app/engine/*.test.ts'] }] });
  });

  it('runs every core folder in the listed order when no path is given', () => {
    const targets = mutationTargets([], kindOf);
    expect(targets.ok && targets.value.map((t) => t.path)).toEqual([...MUTATION_FOLDERS]);
  });

  it('refuses a test file, a missing path and a path outside the repository, naming it', () => {
    expect(mutationTargets(['app/engine/images.test.ts'], kindOf)).toEqual({ ok: false, error: "mutation: 'app/engine/images.test.ts' is neither a folder nor a TypeScript source file" });
    expect(mutationTargets(['main/web', 'app/nothing'], kindOf)).toEqual({ ok: false, error: "mutation: 'app/nothing' is neither a folder nor a TypeScript source file" });
    for (const outside of ['/etc', '../main/app', 'app/../../x', '/']) expect(mutationTargets([outside], kindOf)).toEqual({ ok: false, error: `mutation: '${outside}' is not a path inside the repository` });
  });
});

describe('checkerTsconfig', () => {
  it('checks a target’s own sources (and what they import) on top of the shipped-sources project', () => {
    const folder = mutationTargets(['main/web'], kindOf);
    expect(folder.ok && checkerTsconfig(folder.value[0])).toEqual({ extends: './tsconfig.mutation.json', include: ['main/web/**/*.ts'] });
    const byFile = mutationTargets(['app/engine/images'], kindOf);
    expect(byFile.ok && checkerTsconfig(byFile.value[0])).toEqual({ extends: './tsconfig.mutation.json', include: ['app/engine/images.ts'] });
  });
});
