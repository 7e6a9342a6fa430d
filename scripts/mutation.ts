/**
 * `npm run mutation [-- PATHS]`: Stryker on each path in turn (the core folders when none),
 * incremental, an HTML report per path under reports/mutation/, and one score line per path.
 * Exit 0 when every run finished, 2 on a bad path, 1 when Stryker failed.
 */

import { statSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';
import { mutationScore, scoreLine } from './mutationScore';
import { mutationTargets, type PathKind } from './mutationTargets';
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
  console.log('Usage: npm run mutation [-- PATHS]\n\nMutation-tests each folder or .ts file (default: the core folders) with Stryker, one at a time;\nreports go to reports/mutation/<path>/index.html, results are kept for incremental reruns.');
  process.exit(0);
}
const targets = mutationTargets(args, kindOf);
if (!targets.ok) {
  console.error(targets.error);
  process.exit(2);
}

const lines: string[] = [];
for (const target of targets.value) {
  console.log(`\n== mutation: ${target.path}`);
  const results = await new Stryker({
    ...config,
    mutate: target.mutate,
    incrementalFile: `${target.reportDir}/incremental.json`,
    htmlReporter: { fileName: `${target.reportDir}/index.html` },
    jsonReporter: { fileName: `${target.reportDir}/mutation.json` },
  }).runMutationTest();
  lines.push(scoreLine(target.path, mutationScore(results.map((r) => r.status))));
}
console.log(`\n${lines.join('\n')}`);
