/**
 * `npm run build` from a clean copy of the working tree (tracked and new files, no dist/, the
 * installed node_modules linked in): it must produce the main, preload, trainer and renderer
 * bundles, and the built process bundles must run.
 */

import { execFileSync, fork } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
let clone: string;
let buildLog = '';

beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'studio-clean-build-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(clone, file)), { recursive: true });
    await cp(join(repo, file), join(clone, file)).catch(() => undefined);
  }
  await symlink(join(repo, 'node_modules'), join(clone, 'node_modules'), 'dir');
  buildLog = execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}, 300_000);

afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true });
});

describe('npm run build from a clean clone', () => {
  it('writes every bundle', async () => {
    expect(buildLog).toMatch(/built dist\/main[\s\S]*built dist\/preload[\s\S]*built dist\/trainer[\s\S]*built dist\/renderer/);
    const main = await readFile(join(clone, 'dist/main/main.js'), 'utf8');
    expect(main).toContain('app://studio/index.html');
    const html = await readFile(join(clone, 'dist/renderer/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module"[^>]*src="\.\/assets\//);
    await readFile(join(clone, 'dist/trainer/trainerProcess.js'));
  });

  it('writes the third-party notices of what the app ships', async () => {
    expect(buildLog).toMatch(/built dist\/notices/);
    const notices = await readFile(join(clone, 'dist/notices/THIRD-PARTY-NOTICES.md'), 'utf8');
    expect(notices).toMatch(/^# Third-party notices\n/);
    expect(notices).toMatch(/^\| react \| \d+\.\d+\.\d+ \| MIT \|/m);
    expect(notices).toMatch(/^\| @tensorflow\/tfjs-core \| 4\.22\.0 \| Apache-2\.0 \|/m);
    expect(notices).toContain('Copyright © 2017 Zalando SE');
  });

  it('bundles a sandbox-safe preload: CommonJS that requires only electron', async () => {
    const preload = await readFile(join(clone, 'dist/preload/preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("studio"');
  });

  it('the built engine worker runs and answers a request', async () => {
    const child = fork(join(clone, 'dist/trainer/engineWorker.js'), [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const reply = await new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`engine worker exited with ${code}`)));
      child.send({ id: 1, method: 'scanDataset', request: { path: join(clone, 'no-such-folder'), inputSize: 75 } });
    });
    child.kill();
    expect(reply).toEqual({ id: 1, ok: true, value: { ok: false, error: expect.stringMatching(/Dataset not found/) } });
  });
});
