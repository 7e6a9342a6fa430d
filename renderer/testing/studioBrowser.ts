/**
 * Browser-test harness (Node side): builds the renderer when its sources are newer than the
 * bundle, starts the real web host on a free port with a fresh folder, and opens Chromium on
 * it through playwright-core. Used by the *.browser.test.ts files and the UI benchmark.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const bundle = join(repoRoot, 'dist/renderer/index.html');
const serveEntry = join(repoRoot, 'main/web/serveCommand.ts');

/** How long one UI step may take to show its result: Playwright's own 30 s is too short on a loaded machine. */
export const SETTLE_MS = 60_000;

/** Why browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(serveEntry)) return 'the web host (main/web/serveCommand.ts) is not there yet';
  return null;
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const sources = Math.max(newestChange(join(repoRoot, 'renderer')), newestChange(join(repoRoot, 'app')));
  return built <= sources;
}

/** Serialises builds across test workers: mkdir is atomic; a lock older than 5 minutes is stale. */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const lock = join(repoRoot, 'dist/.renderer-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`renderer build lock ${lock} held for 5 minutes`);
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `vite build` when the renderer or app sources changed since the last bundle. */
async function ensureRendererBuilt(): Promise<void> {
  if (!isStale()) return;
  await withBuildLock(async () => {
    if (!isStale()) return;
    const { build } = await import('vite');
    // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
}

export interface WebHostProcess {
  url: string;
  /** The folder the host may read and write. */
  root: string;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  /** Writes files into the host's fresh folder before it starts; returns the designs to open in the first page (serve's positional arguments). */
  prepare?(root: string): Promise<readonly string[]>;
}

/** Starts `main/web/serveCommand.ts` on a free port; resolves with the tokened address it prints. */
async function startWebHost(options: WebHostOptions = {}): Promise<WebHostProcess> {
  const root = mkdtempSync(join(tmpdir(), 'studio-browser-'));
  const designs = (await options.prepare?.(root)) ?? [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', serveEntry, '--port', '0', '--root', root, ...designs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    }
    rmSync(root, { recursive: true, force: true });
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], root, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}

export interface StudioSession {
  browser: Browser;
  page: Page;
  host: WebHostProcess;
  /** Saves a full-window PNG under test-artifacts/. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openStudio(options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } & WebHostOptions = {}): Promise<StudioSession> {
  await ensureRendererBuilt();
  const host = await startWebHost(options);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  page.setDefaultTimeout(SETTLE_MS);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  const artifacts = join(repoRoot, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  return {
    browser,
    page,
    host,
    screenshot: async (name) => {
      await page.screenshot({ path: join(artifacts, `${name}.png`) });
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('\n')}`);
    },
    close: async () => {
      await browser.close();
      await host.stop();
    },
  };
}
