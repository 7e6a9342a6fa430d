/**
 * Host events from the host to the UI, in Chromium. Through the real web host: a design named on
 * `npm run serve`'s command line opens in the first page (an `open-file` over the event socket).
 * Through the desktop host's path: a stand-in preload (`window.studio`, as the Electron preload
 * exposes it, forwarding calls to the same web host) receives each event type as the main
 * process would send it — open-file with the unsaved-changes guard, a menu command, a training
 * event and a crashed trainer.
 */

import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../app/design/document';
import { buildPreset } from '../../app/presets/index';
import { defaultTrainConfig } from '../../app/training/defaults';
import { emitHostEvent, fakePreloadScript } from '../testing/fakePreload';
import { browserSkipReason, openStudio, repoRoot, type StudioSession } from '../testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from '../testing/eventually';

const skip = browserSkipReason();

async function writeDesign(root: string, file: string, name: string): Promise<string> {
  const path = join(root, file);
  await writeFile(path, serializeDesign({ ...buildPreset('inception-v4', { input: 75, width: 0.25, repeats: [1, 1, 1] }), name }));
  return path;
}

describe.skipIf(skip !== null)(`host events in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let launched: string;
  let desktop: Page;

  beforeAll(async () => {
    studio = await openStudio({ prepare: async (root) => [(launched = await writeDesign(root, 'launched.incept.json', 'Launched net'))] });
    desktop = await studio.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await desktop.addInitScript(fakePreloadScript());
    await desktop.goto(studio.host.url);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('opens the design named on the web host’s command line in the first page', async () => {
    const { page } = studio;
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('launched.incept.json');
    expect(await page.getByRole('status').filter({ hasText: `Opened ${launched}` }).count()).toBe(1);
    await studio.screenshot('host-event-launch-open');
  });

  it('open-file from the desktop host asks before replacing unsaved work, and opens when allowed', async () => {
    const page = desktop;
    const other = await writeDesign(studio.host.root, 'other.incept.json', 'Other net');
    await page.getByRole('button', { name: 'New empty design' }).click();
    await page.getByRole('listitem', { name: 'Convolution' }).dblclick();
    await eventually(() => page.getByLabel('Unsaved changes').count()).toBe(1);

    const asked: string[] = [];
    page.once('dialog', (dialog) => void (asked.push(dialog.message()), dialog.dismiss()));
    expect(await emitHostEvent(page, { type: 'open-file', path: other, unsavedChecked: false })).toBe(1);
    await eventually(async () => asked).toEqual(['Discard unsaved changes to “Untitled”?']);
    expect(await page.getByLabel('Document title').textContent()).toContain('Untitled');

    page.once('dialog', (dialog) => void dialog.accept());
    await emitHostEvent(page, { type: 'open-file', path: other, unsavedChecked: false });
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('other.incept.json');
    expect(await page.getByLabel('Unsaved changes').count()).toBe(0);

    // The desktop's own Save / Don't Save / Cancel already ran: no second question.
    await page.getByRole('listitem', { name: 'Convolution' }).dblclick();
    await emitHostEvent(page, { type: 'open-file', path: launched, unsavedChecked: true });
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('launched.incept.json');
    await page.screenshot({ path: join(repoRoot, 'test-artifacts', 'host-event-open-file.png') });
  });

  it('a menu command from the host runs: Export as SVG writes an SVG, Predict… opens its tab', async () => {
    const page = desktop;
    const svgs = () => readdirSync(studio.host.root).filter((name) => name.endsWith('.svg'));
    expect(svgs()).toEqual([]);
    await emitHostEvent(page, { type: 'menu', command: 'exportSvg', unsavedChecked: false });
    await eventually(async () => svgs().length).toBe(1);
    await eventually(() => page.getByRole('status').filter({ hasText: /Exported .*\.svg/ }).count()).toBe(1);
    await emitHostEvent(page, { type: 'menu', command: 'predict', unsavedChecked: false });
    await eventually(() => page.getByRole('tab', { name: 'Predict' }).getAttribute('aria-selected')).toBe('true');
  });

  it('training events lock the design; a crashed trainer opens the training tab with the reason', async () => {
    const page = desktop;
    const config = { ...defaultTrainConfig, epochs: 1 };
    await emitHostEvent(page, { type: 'train', runId: 'r-host', event: { type: 'start', runId: 'r-host', runDir: '/runs/r-host', backend: 'wasm', device: 'CPU', stepsPerEpoch: 4, totalSteps: 4, config } });
    await eventually(() => page.getByRole('status', { name: 'Design locked' }).textContent()).toContain('Run r-host is training this design');
    await emitHostEvent(page, { type: 'trainer-crashed', runId: 'r-host', message: 'The trainer process exited with code 3 before the run finished.', lastCheckpoint: null });
    await eventually(() => page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected')).toBe('true');
    await eventually(() => page.getByRole('tabpanel').getByRole('alert').filter({ hasText: 'exited with code 3' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('status', { name: 'Design locked' }).count()).toBe(0);
    await page.screenshot({ path: join(repoRoot, 'test-artifacts', 'host-event-trainer-crashed.png') });
  });
});
