import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATION_FOLDERS, THREAD_AND_PROCESS_ENTRIES, checkerTsconfig, mutationTargets, type PathKind } from './mutationTargets';

const tree: Record<string, PathKind> = {
  'main/web': 'folder',
  'app/engine/images.ts': 'file',
  'app/engine/images.test.ts': 'file',
  'app/layers/conv.ts': 'file',
  'app/engine': 'folder',
  'app/engine/train/parallel': 'folder',
  'app/engine/train/trainerProcess.ts': 'file',
  'app/engine/train/parallel/replicaWorker.ts': 'file',
};
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

  it('leaves out the thread and process entries inside a folder, by name', () => {
    const mutateOf = (path: string): string[] => {
      const targets = mutationTargets([path], kindOf);
      return targets.ok ? targets.value[0].mutate : [];
    };
    const sources = (folder: string): string[] => [`${folder}/**/*.ts`, `!${folder}/**/*.test.ts`, `!${folder}/**/testing/**`];
    expect(mutateOf('app/engine/train')).toEqual([...sources('app/engine/train'), '!app/engine/train/parallel/replicaWorker.ts', '!app/engine/train/trainerProcess.ts']);
    expect(mutateOf('app/engine')).toEqual([...sources('app/engine'), '!app/engine/train/parallel/replicaWorker.ts', '!app/engine/train/trainerProcess.ts']);
    expect(mutateOf('app/engine/train/parallel')).toEqual([...sources('app/engine/train/parallel'), '!app/engine/train/parallel/replicaWorker.ts']);
  });

  it('refuses to mutate a thread or process entry on its own, naming it', () => {
    for (const entry of ['app/engine/train/trainerProcess.ts', 'app/engine/train/parallel/replicaWorker']) {
      expect(mutationTargets([entry], kindOf)).toEqual({ ok: false, error: `mutation: '${entry}' runs only in another thread or process, where no mutant can be switched on; mutate the module it serves` });
    }
  });

  it('names only entries that exist, so a renamed one is not mutated again unnoticed', () => {
    for (const entry of THREAD_AND_PROCESS_ENTRIES) expect(existsSync(entry), entry).toBe(true);
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
