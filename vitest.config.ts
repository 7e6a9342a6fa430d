import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// One command runs every test: unit tests next to the code, browser tests under renderer/ and
// main/ (they drive Chromium through the web host and skip with a stated reason without it).
export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'lint/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // What the engine learns about the machine (the doctor's measurements) stays out of the user's folder.
    env: { INCEPTION_STUDIO_USER_DATA: join(tmpdir(), `inception-studio-tests-${process.pid}`) },
    maxWorkers: 2,
  },
});
