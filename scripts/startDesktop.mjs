/**
 * `npm start` after the build: launches the desktop app with the Electron binary. Since Electron
 * 42 the binary is not part of `npm install`; the electron package fetches it on first launch.
 * Where that download cannot happen this says so in one paragraph and offers `npm run serve`
 * (the same UI in a browser) instead of Electron's stack trace. Otherwise it behaves as
 * `electron .`: arguments pass through, the exit status and signals are the app's.
 */

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import console from 'node:console';
import process from 'node:process';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version, engines } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

/** Where the binary is, as the electron package itself finds it (index.js), or null when absent. */
function installedBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable ?? 'electron') : executable && join(electronDir, 'dist', executable);
  return binary && existsSync(binary) ? binary : null;
}

/** The last line of the download's error output that says something (not a stack frame). */
function reasonOf(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  return lines.at(-1) ?? 'no reason given';
}

function warnAboutNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  console.error(`Note: Electron ${version}'s launcher and electron-builder want Node.js ${engines.node}; this is ${process.versions.node}. Starting anyway — if it fails, use Node.js 22.13+ or 24 (the CLI, the web host and the tests run on 20.19+).`);
}

function download() {
  console.error(`Fetching the Electron ${version} binary (first launch; about 100 MB)…`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0 && installedBinary()) return true;
  const reason = result.error ? result.error.message : reasonOf(`${result.stdout}\n${result.stderr}`);
  console.error(
    [
      '',
      `The desktop app cannot start: Electron's ${version} binary is not installed, and fetching it failed (${reason}).`,
      'Electron downloads it on first launch from GitHub (or from ELECTRON_MIRROR), so this machine needs that',
      'access once; `npx install-electron` retries the download. Without it, `npm run serve` gives you the same',
      'app in a browser (it prints the address to open), and the command line works as always',
      '(`npm run -s cli -- --help`).',
      '',
    ].join('\n'),
  );
  return false;
}

warnAboutNode();
if (!installedBinary() && !download()) process.exit(1);
const child = spawn(installedBinary(), ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  if (code === null) console.error(`Electron exited with signal ${signal}`);
  process.exit(code ?? 1);
});
