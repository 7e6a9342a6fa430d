/**
 * The web host assembled: the shared handlers and trainer processes (forked Node children
 * running the TypeScript entries through tsx) behind the HTTP/WebSocket server. Designs named
 * on its command line open in the first page that connects.
 */

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeVersions } from '../../app/node/runtimeVersions';
import { memoryRecentFiles } from '../files/memoryRecentFiles';
import { createPathPolicy } from '../files/pathPolicy';
import type { HostRuntime } from '../runtime/hostRuntime';
import { createHostRuntime } from '../runtime/hostRuntime';
import { forkLauncher } from '../trainer/forkLauncher';
import type { ServeOptions } from './serveArgs';
import { newToken } from './tokenAuth';
import type { WebServer } from './webServer';
import { startWebServer } from './webServer';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const webHostPaths = {
  rendererDir: join(repoRoot, 'dist/renderer'),
  notices: join(repoRoot, 'dist/notices/THIRD-PARTY-NOTICES.md'),
  trainer: join(repoRoot, 'app/engine/train/trainerProcess.ts'),
  engineWorker: join(repoRoot, 'main/trainer/engineWorker.ts'),
};

export interface LocalWebHost {
  server: WebServer;
  runtime: HostRuntime;
  token: string;
  /** Stops training runs (with a checkpoint), then the server. */
  close(): Promise<void>;
}

export async function startLocalWebHost(options: ServeOptions & { rendererDir?: string; runsRoot?: string }): Promise<LocalWebHost> {
  const token = newToken();
  let server: WebServer | null = null;
  const runtime = await createHostRuntime({
    info: { kind: 'web', versions: runtimeVersions(), notices: existsSync(webHostPaths.notices) ? webHostPaths.notices : null, platform: process.platform },
    paths: await createPathPolicy(options.roots),
    dialogs: null,
    recent: memoryRecentFiles(),
    launch: forkLauncher,
    entries: { trainer: webHostPaths.trainer, engineWorker: webHostPaths.engineWorker },
    runsRoot: options.runsRoot ?? join(options.roots[0], 'runs'),
    recoveryDir: join(options.roots[0], '.inception-studio', 'recovery'),
    emit: (event) => server?.broadcast(event),
  });
  // Designs named on the command line may lie outside the roots: the user named them, as the desktop app's command line does.
  for (const path of options.open ?? []) await runtime.paths.grant(path);
  let launchOpens = options.open ?? [];
  server = await startWebServer({
    handlers: runtime.handlers,
    rendererDir: options.rendererDir ?? webHostPaths.rendererDir,
    token,
    host: options.host,
    port: options.port,
    onConnect(send) {
      for (const path of launchOpens) send({ type: 'open-file', path, unsavedChecked: false });
      launchOpens = [];
    },
  });
  const started = server;
  return {
    server: started,
    runtime,
    token,
    async close() {
      await runtime.shutdown();
      await started.close();
    },
  };
}
