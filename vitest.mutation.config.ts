import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests only: Stryker reruns them for every mutant, and a browser or Electron test per
// mutant would take hours on this machine (the code they drive has unit tests of its own).
// pytorchTraining trains the exported train.py under torchrun in two Python processes: minutes
// a run, it failed Stryker's first plain run on a loaded machine (which stops the whole run), and
// what it checks in this process (a prediction) the predict and model-format tests check too.
const config = mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['**/node_modules/**', '**/*.browser.test.ts', '**/*.e2e.test.ts', 'app/engine/export/pytorchTraining.test.ts'] },
  }),
);

// `npm run mutation -- --own-tests PATH` names the path's own tests here (comma-separated globs):
// code the whole suite imports would otherwise rerun most of it for each mutant that runs on load.
const ownTests = process.env.MUTATION_TESTS;
if (ownTests) config.test.include = ownTests.split(',');

export default config;
