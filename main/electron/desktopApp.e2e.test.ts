/**
 * The desktop app end to end through Playwright's Electron driver: launch the built app, load a
 * preset from the Presets menu, save it through File › Save (the save dialog answered by the
 * test), and check the file on disk. Needs the Electron binary (node_modules/electron/dist),
 * which Electron ≥ 42 downloads on its first launch (network access needed); without it the test says so and skips.
 */

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../app/design/document';
import { tempFolder } from '../testing/fakeHost';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = join(repo, 'node_modules/electron');
const executable = existsSync(join(electronDir, 'path.txt')) ? join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()) : null;
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const hasXvfb = (() => {
  try {
    execFileSync('which', ['Xvfb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const skipReason =
  executable === null || !existsSync(executable)
    ? 'the Electron binary is not installed (node_modules/electron/dist is missing: Electron ≥ 42 downloads it on first launch, which needs network access — run `npx electron --version` once online)'
    : needsDisplay && !hasXvfb
      ? 'no display: DISPLAY is unset and Xvfb is not installed'
      : null;
if (skipReason) console.warn(`Electron end-to-end test skipped: ${skipReason}`);

let xvfb: ChildProcess | null = null;
afterAll(() => void xvfb?.kill());

describe('desktop app', () => {
  it.skipIf(skipReason !== null)(`launches, loads a preset and saves it to a file${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 300_000 }, async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'ignore' });
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    if (needsDisplay) {
      xvfb = spawn('Xvfb', [':97', '-screen', '0', '1600x1000x24'], { stdio: 'ignore' });
      env.DISPLAY = ':97';
      // Xvfb is ready once its socket exists.
      await expect.poll(() => existsSync('/tmp/.X11-unix/X97'), { timeout: 60_000 }).toBe(true);
    }
    const folder = await tempFolder('desktop-e2e');
    env.INCEPTION_STUDIO_USER_DATA = join(folder.path, 'user-data');
    const target = join(folder.path, 'saved.incept.json');
    const app = await electron.launch({ executablePath: executable!, args: [repo, '--no-sandbox'], env, cwd: repo });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      expect(window.url()).toBe('app://studio/index.html');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, target);
      const clickMenu = (menu: string, item: string) =>
        app.evaluate(({ Menu }, [menuLabel, itemLabel]) => {
          const top = Menu.getApplicationMenu()?.items.find((entry) => entry.label.replace('&', '') === menuLabel);
          const entry = top?.submenu?.items.find((candidate) => candidate.label === itemLabel);
          if (!entry) throw new Error(`no menu item ${menuLabel} › ${itemLabel}`);
          entry.click();
        }, [menu, item] as const);

      await clickMenu('Presets', 'Inception-v4');
      await expect.poll(() => window.getByLabel('Document title').textContent(), { timeout: 60_000 }).toContain('Inception-v4');
      await clickMenu('File', 'Save');
      await expect.poll(() => existsSync(target), { timeout: 60_000 }).toBe(true);
      const parsed = parseDesign(await readFile(target, 'utf8'));
      expect(parsed.ok && parsed.value.document.nodes.length).toBeGreaterThan(10);
    } finally {
      await app.close();
      await folder.remove();
    }
  });
});
