/**
 * `npm run mutation [-- [--own-tests] PATHS]`: Stryker on each path in turn (the core folders
 * when none), incremental, an HTML report per path under reports/mutation/, and one score line
 * per path. `--own-tests` runs each path's mutants against the tests next to it only.
 * Exit 0 when every run finished, 2 on a bad path, 1 when Stryker failed.
 */

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(
    'Usage: npm run mutation [-- [--own-tests] [--concurrency N] PATHS]\n\nMutation-tests each folder or .ts file (default: the core folders) with Stryker, one at a time;\nreports go to reports/mutation/<path>/index.html, results are kept for incremental reruns.\n--own-tests: only the tests next to the path (for code the whole suite imports).\n--concurrency N: N test runners at once (default 1, for a shared machine).',
  );
  process.exit(0);
}
const ownTests = args.includes('--own-tests');
// On a quiet or larger machine, more test runners at once (the config's one suits a shared machine).
const concurrencyAt = args.indexOf('--concurrency');
const concurrency = concurrencyAt === -1 ? undefined : Number(args[concurrencyAt + 1]);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
  console.error(`mutation: --concurrency takes a whole number of test runners, 1 or more; got '${args[concurrencyAt + 1] ?? ''}'`);
  process.exit(2);
}
const paths = args.filter((arg, i) => arg !== '--own-tests' && (concurrencyAt === -1 || (i !== concurrencyAt && i !== concurrencyAt + 1)));
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
  console.log(`\n== mutation: ${target.path}${ownTests ? ' (its own tests)' : ''}`);
  // Read by vitest.mutation.config.ts in Stryker's test runner processes, started after this.
  if (ownTests) process.env.MUTATION_TESTS = target.ownTests.join(',');
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
