/**
 * `npm run mutation [-- [--own-tests | --tests GLOBS] [--concurrency N] PATHS]`: Stryker on each
 * path in turn (the core folders when none), incremental, an HTML report per path under
 * reports/mutation/, and one score line per path. `--own-tests` runs each path's mutants against
 * the tests next to it only; `--tests` against the tests named.
 * Exit 0 when every run finished, 2 on a bad path, 1 when Stryker failed.
 */

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { Stryker } from '@stryker-mutator/core';
import { mutationScore, scoreLine } from './mutationScore';
import { checkerTsconfig, mutationTargets, type PathKind } from './mutationTargets';
import { SWIFTSHADER_ICD } from '../app/engine/testing/webgpuTesting';
import config from '../stryker.config.mjs';

const kindOf = (path: string): PathKind => {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
};

const USAGE = `Usage: npm run mutation [-- [--own-tests | --tests GLOBS] [--concurrency N] PATHS]

Mutation-tests each folder or .ts file (default: the core folders) with Stryker, one at a time;
reports go to reports/mutation/<path>/index.html, results are kept for incremental reruns.
--own-tests        only the tests next to the path (for code the whole suite imports)
--tests GLOBS      only these tests (comma-separated globs), e.g. a file's own test file
--concurrency N    N test runners at once (default 1, for a shared machine)`;

function usageError(message: string): never {
  console.error(`mutation: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean' }, 'own-tests': { type: 'boolean' }, tests: { type: 'string' }, concurrency: { type: 'string' } },
  });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
const { values, positionals: paths } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const ownTests = values['own-tests'] === true;
const chosenTests = values.tests?.split(',').filter((glob) => glob !== '');
if (ownTests && chosenTests) usageError('--own-tests and --tests choose the tests two ways: give one');
if (chosenTests?.length === 0) usageError('--tests takes comma-separated globs of test files');
// On a quiet or larger machine, more test runners at once (the config's one suits a shared machine).
const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) usageError(`--concurrency takes a whole number of test runners, 1 or more; got '${values.concurrency}'`);
const targets = mutationTargets(paths, kindOf);
if (!targets.ok) {
  console.error(targets.error);
  process.exit(2);
}

// Stryker's Vitest runs tests in worker threads, whose process.env the Vulkan loader never reads:
// the software WebGPU adapter the webgpu tests fall back to must be in the real environment.
if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) {
  process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  process.env.XDG_RUNTIME_DIR ??= tmpdir();
}

// Stryker imports stryker.config.mjs itself (the module `config` is) and fills its nested objects
// with defaults as it runs (`thresholds.break: null`), which the next run's merge cannot take: each
// run gets a copy of the config as it was before the first.
const pristine = structuredClone(config);
const CHECKER_TSCONFIG = 'tsconfig.mutation-target.json';
const lines: string[] = [];
for (const target of targets.value) {
  const tests = chosenTests ?? (ownTests ? target.ownTests : undefined);
  console.log(`\n== mutation: ${target.path}${tests ? ` against ${tests.join(', ')}` : ''}`);
  // Read by vitest.mutation.config.ts in Stryker's test runner processes, started after this.
  if (tests) process.env.MUTATION_TESTS = tests.join(',');
  else delete process.env.MUTATION_TESTS;
  // In the project root, so Stryker copies it into its sandbox; git ignores it.
  writeFileSync(CHECKER_TSCONFIG, `${JSON.stringify(checkerTsconfig(target), null, 2)}\n`);
  const results = await new Stryker({
    ...structuredClone(pristine),
    ...(concurrency === undefined ? {} : { concurrency }),
    mutate: target.mutate,
    tsconfigFile: CHECKER_TSCONFIG,
    incrementalFile: `${target.reportDir}/incremental.json`,
    htmlReporter: { fileName: `${target.reportDir}/index.html` },
    jsonReporter: { fileName: `${target.reportDir}/mutation.json` },
  }).runMutationTest();
  lines.push(scoreLine(target.path, mutationScore(results.map((r) => r.status))));
}
console.log(`\n${lines.join('\n')}`);
