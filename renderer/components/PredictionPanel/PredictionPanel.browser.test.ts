/**
 * Prediction and exports from the window, in Chromium (dark theme) against the real web host:
 * top-5 classes for a picked image with the design's random weights, and the design canvas
 * downloaded as SVG and PNG, with copies kept on the host. Each test leaves a screenshot under
 * test-artifacts/.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from '../../testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from '../../testing/eventually';
import { openDesignFile, TINY_CLASSES, tinyImage, writeTinyDesign } from '../../testing/runFixtures';

const skip = browserSkipReason();

describe.skipIf(skip !== null)(`prediction panel in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;

  beforeAll(async () => {
    studio = await openStudio({ colorScheme: 'dark' });
    page = studio.page;
    page.on('dialog', (dialog) => void dialog.accept());
    await writeTinyDesign(studio.host.root);
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
  });

  it('predicts the top five classes of a picked image with the design’s random weights', async () => {
    await openDesignFile(page, 'tiny.incept.json');
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('tiny.incept.json');
    await page.getByRole('tab', { name: 'Predict' }).click();
    expect(await page.getByRole('radio', { name: 'The current design, random weights' }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Predict', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Choose images').setInputFiles([
      { name: 'green.png', mimeType: 'image/png', buffer: await tinyImage() },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    ]);
    await eventually(() => page.getByRole('alert').textContent()).toContain('Not images, left out: notes.txt');
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    const classes = page.getByRole('list', { name: 'Top classes for green.png' }).getByRole('listitem');
    await eventually(() => classes.count()).toBe(TINY_CLASSES);
    const percents = (await classes.allTextContents()).map((text) => Number(/ ([\d.]+)%$/.exec(text)?.[1]));
    expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(await page.getByRole('img', { name: 'green.png' }).count()).toBe(1);
    // A design has no ONNX export: the host's TensorFlow.js backend ran it, and the panel says which.
    expect(await page.locator('.prediction-panel__ran-on').textContent()).toMatch(/^Ran on TensorFlow\.js, wasm on \S/);
    await studio.screenshot('predict-random-weights-dark');
  });

  it('shows a file name’s direction override as an escape, never as a control character', async () => {
    await page.getByLabel('Choose images').setInputFiles([{ name: 'photo\u202Egnp.exe.png', mimeType: 'image/png', buffer: await tinyImage() }]);
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    const heading = page.locator('.prediction-result__name').filter({ hasText: 'photo' });
    await eventually(() => heading.textContent()).toBe('photo\\u202egnp.exe.png');
    expect(await page.locator('.prediction-results').textContent()).not.toContain('\u202E');
  });

  it('tells the user when a model directory cannot be loaded', async () => {
    await page.getByRole('radio', { name: 'A saved model directory' }).check();
    await page.getByRole('textbox', { name: 'Model directory' }).fill(join(studio.host.root, 'no-such-model'));
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await eventually(() => page.getByRole('tabpanel').getByRole('alert').textContent()).toMatch(/no-such-model/);
    expect(await page.locator('.prediction-panel__ran-on').count()).toBe(0);
    await studio.screenshot('predict-missing-model');
  });

  it('downloads the design canvas as SVG and PNG, named after the design file, and keeps copies on the host', async () => {
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export design as SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('tiny.svg');
    const downloaded = readFileSync((await svgDownload.path())!, 'utf8');
    await page.getByRole('button', { name: 'Save a copy on the host' }).click();
    await eventually(async () => readdirSync(studio.host.root).filter((name) => name.endsWith('.svg')).length).toBe(1);
    const svgName = readdirSync(studio.host.root).find((name) => name.endsWith('.svg'))!;
    const svg = readFileSync(join(studio.host.root, svgName), 'utf8');
    expect(svg).toBe(downloaded);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>stem</text>');
    expect(svg.match(/<path /g)?.length).toBeGreaterThan(5);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export design as PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toBe('tiny.png');
    expect(readFileSync((await pngDownload.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.getByRole('button', { name: 'Save a copy on the host' }).click();
    await eventually(async () => readdirSync(studio.host.root).filter((name) => name.endsWith('.png')).length).toBe(1);
    const png = readFileSync(join(studio.host.root, readdirSync(studio.host.root).find((name) => name.endsWith('.png'))!));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Twice the SVG's size: sharp on print and high-density screens.
    const svgWidth = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    expect(png.readUInt32BE(16)).toBe(Math.max(1, Math.round(svgWidth * 2)));
    await eventually(() => page.getByRole('status').filter({ hasText: 'Exported' }).count()).toBeGreaterThan(0);
    await studio.screenshot('export-design-dark');
  });
});
