// Mutation testing of the core that decides correctness and safety: `npm run mutation [-- PATHS]`
// (scripts/mutation.ts) runs one Stryker per folder, each with its own incremental file, so a
// rerun after a small change only tests the mutants that change touched. Not part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // The machine is small and shared: one test runner and one checker.
  concurrency: 1,
  // A loaded machine makes an honest run slow; a mutant must be far slower to count as a timeout.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  // The first, plain run of a widely imported file's tests is most of the suite.
  dryRunTimeoutMinutes: 30,
  incremental: true,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  thresholds: { high: 85, low: 70 },
  // Anchored at the root: app/node/runs is source, /runs is training output.
  ignorePatterns: ['/dist', '/release', '/runs', '/test-artifacts', '/reports', '/.gl', '/.whl'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
