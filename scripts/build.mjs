/**
 * `npm run build`: bundles the Electron main process, the preload and the two process entries
 * (trainer, engine worker) with esbuild, and the renderer with vite, into dist/, and writes the
 * third-party notices of what the app ships. Dependencies stay external (they ship in
 * node_modules; native ones are unpacked from the asar).
 */

import { build } from 'esbuild';
import console from 'node:console';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { collectPackages, renderNotices } from './thirdPartyNotices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const only = new Set(process.argv.slice(2));
const wanted = (part) => only.size === 0 || only.has(part);

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

const parts = {
  main: () => build({ ...node, entryPoints: { main: 'main/electron/main.ts' }, outdir: join(dist, 'main'), format: 'esm' }),
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  preload: () => build({ ...node, entryPoints: { preload: 'main/electron/preload.ts' }, outdir: join(dist, 'preload'), format: 'cjs', outExtension: { '.js': '.cjs' } }),
  trainer: () =>
    build({
      ...node,
      // The engine's threads (app/engine/engineThreads.ts) start from beside trainerProcess.js and engineWorker.js.
      entryPoints: {
        trainerProcess: 'app/engine/train/trainerProcess.ts',
        engineWorker: 'main/trainer/engineWorker.ts',
        replicaWorker: 'app/engine/train/parallel/replicaWorker.ts',
        forwardWorker: 'app/engine/inference/forwardWorker.ts',
      },
      outdir: join(dist, 'trainer'),
      format: 'esm',
    }),
  renderer: () => viteBuild({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' }),
  notices: async () => {
    await mkdir(join(dist, 'notices'), { recursive: true });
    await writeFile(join(dist, 'notices', 'THIRD-PARTY-NOTICES.md'), await renderNotices(root, await collectPackages(root)));
  },
};

const started = Date.now();
for (const [name, run] of Object.entries(parts)) {
  if (!wanted(name)) continue;
  await rm(join(dist, name), { recursive: true, force: true });
  const t = Date.now();
  await run();
  console.log(`built dist/${name} in ${Date.now() - t} ms`);
}
console.log(`build done in ${Date.now() - started} ms`);
