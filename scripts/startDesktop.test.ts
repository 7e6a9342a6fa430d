/**
 * `npm start` where the Electron binary cannot be fetched: one paragraph that says so and offers
 * `npm run serve`, exit status 1, no stack trace. The binary is pointed at an empty folder and
 * the download at a closed local port, so this runs the real launcher and the real electron
 * download code whether or not this machine has the binary or network access.
 */

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
let temp = '';
afterAll(() => temp && rm(temp, { recursive: true, force: true }));

describe('npm start without the Electron binary', () => {
  it('explains what happened and offers npm run serve', async () => {
    temp = await mkdtemp(join(tmpdir(), 'no-electron-'));
    const result = spawnSync(process.execPath, ['scripts/startDesktop.mjs'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'dist'), ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(temp, 'cache') },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Fetching the Electron \d+\.\d+\.\d+ binary \(first launch/);
    expect(result.stderr).toMatch(/The desktop app cannot start: Electron's \d+\.\d+\.\d+ binary is not installed, and fetching it failed \(.*fetch failed.*\)\./);
    expect(result.stderr).toContain('`npm run serve` gives you the same\napp in a browser');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
