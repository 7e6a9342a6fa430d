import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests only: Stryker reruns them for every mutant, and a browser or Electron test per
// mutant would take hours on this machine (the code they drive has unit tests of its own).
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['**/node_modules/**', '**/*.browser.test.ts', '**/*.e2e.test.ts'] },
  }),
);
