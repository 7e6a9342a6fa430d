/**
 * What `npm run mutation [-- PATHS]` mutates: one target per path, each run by its own Stryker
 * with its own incremental file and report folder, so folders are measured (and rerun) apart.
 */

/** The core that decides correctness and safety, smallest and most critical first. */
export const MUTATION_FOLDERS = [
  'main/web',
  'main/ipc',
  'app/design',
  'app/layers',
  'app/presets',
  'app/blocks',
  'app/analysis',
  'app/training',
  'app/engine/images.ts',
  'app/engine/compile',
  'app/engine/wasmKernels',
  'app/engine/train',
] as const;

/**
 * Entry files that run only in a worker thread or a child process. Stryker switches a mutant on
 * only in its own test process, so every mutant of these would count as uncovered however well
 * they are tested. Each stays thin (wiring only); its logic lives in a module tested in-process
 * (beside it: `trainingReplica.ts`, `trainerService.ts`). Named one by one, so no pattern can
 * hide real code.
 */
export const THREAD_AND_PROCESS_ENTRIES = ['app/engine/train/parallel/replicaWorker.ts', 'app/engine/train/trainerProcess.ts'] as const;

export interface MutationTarget {
  /** The path as given, without a trailing slash. */
  path: string;
  /** Stryker `mutate` globs: the sources, never the tests next to them or the fixtures in `testing/` folders. */
  mutate: string[];
  /** Where its incremental results and reports go, under reports/mutation/. */
  reportDir: string;
  /** Vitest globs of its own tests (a folder's, or those next to a file): the only tests `--own-tests` runs against its mutants. */
  ownTests: string[];
}

export type PathKind = 'file' | 'folder' | 'missing';

/**
 * Targets for the given paths (the core folders when none): a folder mutates its TypeScript
 * sources, a file itself; `app/engine/images` finds `images.ts`. A path that is neither is
 * refused by name, as is one outside the repository.
 */
export function mutationTargets(paths: readonly string[], kindOf: (path: string) => PathKind): { ok: true; value: MutationTarget[] } | { ok: false; error: string } {
  const targets: MutationTarget[] = [];
  for (const given of paths.length > 0 ? paths : MUTATION_FOLDERS) {
    const path = given.replace(/^\.\//, '').replace(/\/+$/, '');
    if (path === '' || path.startsWith('/') || path.split('/').includes('..')) return { ok: false, error: `mutation: '${given}' is not a path inside the repository` };
    const reportDir = `reports/mutation/${path.replace(/\.ts$/, '').replaceAll('/', '-')}`;
    const kind = kindOf(path);
    // A file's tests are those of its folder: a module is often tested through the one that uses it.
    const fileTests = [`${path.slice(0, path.lastIndexOf('/') + 1)}*.test.ts`];
    const file = kind === 'file' ? path : `${path}.ts`;
    if (kind === 'folder') {
      const entries = THREAD_AND_PROCESS_ENTRIES.filter((entry) => entry.startsWith(`${path}/`)).map((entry) => `!${entry}`);
      targets.push({ path, mutate: [`${path}/**/*.ts`, `!${path}/**/*.test.ts`, `!${path}/**/testing/**`, ...entries], reportDir, ownTests: [`${path}/**/*.test.ts`] });
    } else if (THREAD_AND_PROCESS_ENTRIES.includes(file as never)) {
      return { ok: false, error: `mutation: '${given}' runs only in another thread or process, where no mutant can be switched on; mutate the module it serves` };
    } else if (kind === 'file' && path.endsWith('.ts') && !path.endsWith('.test.ts')) targets.push({ path, mutate: [path], reportDir, ownTests: fileTests });
    else if (kind === 'missing' && kindOf(file) === 'file') targets.push({ path: file, mutate: [file], reportDir, ownTests: fileTests });
    else return { ok: false, error: `mutation: '${given}' is neither a folder nor a TypeScript source file` };
  }
  return { ok: true, value: targets };
}

/**
 * The TypeScript checker's project for a target: its own sources and what they import, not the
 * whole app. A mutant in code the app imports everywhere otherwise rechecks every importer (~2 s
 * of CPU each, most of a run); one whose type error shows only in an importer is run by the tests
 * instead of refused, which can only lower the score.
 */
export function checkerTsconfig(target: MutationTarget): { extends: string; include: string[] } {
  return { extends: './tsconfig.mutation.json', include: target.mutate.filter((glob) => !glob.startsWith('!')) };
}
