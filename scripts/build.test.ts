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
import { serializeDesign } from '../app/design/document';
import { writeSyntheticDataset } from '../app/engine/data/syntheticDataset';
import { startTrainer } from '../app/engine/train/trainerClient';
import { buildPreset } from '../app/presets/index';
import type { TrainEvent } from '../app/training/types';

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
    // The engine's worker threads start from beside the trainer and the engine worker.
    for (const thread of ['replicaWorker', 'forwardWorker']) await readFile(join(clone, `dist/trainer/${thread}.js`));
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

  it('the built engine worker runs and answers requests, the backend report among them', async () => {
    const child = fork(join(clone, 'dist/trainer/engineWorker.js'), [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const ask = (id: number, method: string, request: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`engine worker exited with ${code}`)));
        child.send({ id, method, request });
      });
    const scan = await ask(1, 'scanDataset', { path: join(clone, 'no-such-folder'), inputSize: 75 });
    // The bundle finds the WebGPU adapter probe and the native packages from dist/ as from the sources.
    const backends = (await ask(2, 'backends', null)) as { id: number; ok: boolean; value: { backends: { name: string; reason?: string }[] } };
    child.kill();
    expect(scan).toEqual({ id: 1, ok: true, value: { ok: false, error: expect.stringMatching(/Dataset not found/) } });
    expect(backends.ok).toBe(true);
    expect(backends.value.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(backends.value.backends.find((b) => b.name === 'webgpu')?.reason ?? '').not.toMatch(/package is missing|probe failed/);
  }, 60_000);

  it('the built trainer trains a run over two worker threads (the bundled replica worker beside it)', async () => {
    const data = join(clone, 'replica-data');
    await writeSyntheticDataset(data, { classes: 2, perClass: 4, size: 80 });
    const design = serializeDesign(buildPreset('inception-v4', { width: 0.1, repeats: [1, 1, 1], input: 75, classes: 2 }));
    const events: TrainEvent[] = [];
    const trainer = startTrainer(
      { design, data, runDir: join(clone, 'replica-run'), backend: 'wasm', workers: 2, config: { epochs: 1, batchSize: 4, validationSplit: 0 } },
      { onEvent: (event) => events.push(event), onOutput: () => undefined, entry: join(clone, 'dist/trainer/trainerProcess.js') },
    );
    const exit = await trainer.exited;
    expect(events.find((event) => event.type === 'start')).toMatchObject({ workers: 2 });
    expect(exit.final).toMatchObject({ type: 'done', reason: 'completed' });
  }, 120_000);
});
