/**
 * Experiments from the window, in Chromium against the real web host and its trainer processes:
 * a tiny experiment (two variants × two seeds, one short epoch each) built in the "New experiment"
 * dialog, watched, reordered, paused and resumed in the queue view, and compared when its four
 * runs are done. The tiny dataset
 * (40 images) stands in for the bundled sample so four runs fit a loaded machine. Each step
 * leaves a screenshot under test-artifacts/.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from '../../testing/studioBrowser';
import { eventually } from '../../testing/eventually';
import { writeTinyDataset, writeTinyDesign } from '../../testing/runFixtures';

const skip = browserSkipReason();
/** Four runs one after another, each a trainer process that loads TensorFlow.js first. */
const EXPERIMENT_MS = 600_000;

describe.skipIf(skip !== null)(`experiments in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: EXPERIMENT_MS + 240_000 }, () => {
  let studio: StudioSession;
  let page: Page;
  let data: string;
  let design: string;

  beforeAll(async () => {
    studio = await openStudio({ height: 1100, width: 1500 });
    page = studio.page;
    data = await writeTinyDataset(studio.host.root);
    design = await writeTinyDesign(studio.host.root);
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
  });

  it('creates an experiment in the dialog, runs its queue and compares four runs', async () => {
    const start = page.getByRole('dialog', { name: 'Start' });
    if (await start.isVisible()) await start.getByRole('button', { name: 'New empty design' }).click();
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'New Experiment…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New experiment' });

    // A template fills the form; its fields are the spec's, its checks the spec's own.
    await dialog.getByLabel('Start from').selectOption({ label: 'Paper: Residual vs plain' });
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Residual vs plain');
    await eventually(() => dialog.getByLabel('Run count').textContent()).toBe('6 runs');
    await dialog.getByLabel('Start from').selectOption({ label: 'A blank experiment' });

    await dialog.getByLabel('Name', { exact: true }).fill('Tiny compare');
    await dialog.getByLabel('Dataset (folder or CSV on the host)').fill(data);
    await dialog.getByLabel('Epochs').fill('0');
    await eventually(() => dialog.getByRole('alert').first().textContent()).toBe('fixed.epochs: expected an integer ≥ 1, found 0');
    expect(await dialog.getByRole('button', { name: 'Start experiment' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Epochs').fill('1');
    await dialog.getByLabel('Preset options of every variant').fill('');
    await dialog.getByLabel('Training settings of every run').fill('batchSize=8 validationSplit=0.25 optimizer=adam');
    const first = dialog.getByRole('group', { name: 'Variant 1' });
    await first.getByLabel('Variant', { exact: true }).fill('Rate 0.01');
    await first.getByLabel('Design (preset:NAME or a design file)').fill(design);
    await first.getByLabel('Training settings', { exact: true }).fill('learningRate=0.01');
    await dialog.getByRole('button', { name: 'Add variant' }).click();
    const second = dialog.getByRole('group', { name: 'Variant 2' });
    await second.getByLabel('Variant', { exact: true }).fill('Rate 0.001');
    await second.getByLabel('Design (preset:NAME or a design file)').fill(design);
    await second.getByLabel('Training settings', { exact: true }).fill('learningRate=0.001');
    await dialog.getByLabel('Seeds (one run per variant and seed)').fill('1, 2');
    await eventually(() => dialog.getByLabel('Run count').textContent()).toBe('4 runs');
    // The estimate comes from the host before anything runs, saying what it rests on.
    await eventually(() => dialog.getByLabel('Time estimate').textContent()).toMatch(/on (wasm|cpu|tensorflow|webgpu|tensorflow-gpu), 30 training images per epoch\. .*(calibrated|measured|no calibrated rate)/);
    expect(await dialog.getByLabel('Variant sizes').textContent()).toMatch(/Rate 0\.01: [\d.]+[kM]? parameters, [\d.]+[kMG]? MACs per image/);
    await studio.screenshot('experiment-dialog');

    await dialog.getByRole('button', { name: 'Start experiment' }).click();
    const panel = page.getByRole('dialog', { name: 'Experiments' });
    const runs = panel.getByRole('table', { name: 'Runs' });
    await eventually(() => runs.locator('tbody tr').count()).toBe(4);
    await eventually(() => runs.locator('tbody tr[data-state="running"]').count(), EXPERIMENT_MS / 4).toBe(1);
    // The last queued run moves up with the keyboard.
    const order = () => runs.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run')));
    const before = await order();
    expect(before).toEqual(['rate-0-01-seed1', 'rate-0-001-seed1', 'rate-0-01-seed2', 'rate-0-001-seed2']);
    await runs.locator('tbody tr[data-run="rate-0-001-seed2"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(order).toEqual(['rate-0-01-seed1', 'rate-0-001-seed1', 'rate-0-001-seed2', 'rate-0-01-seed2']);
    await studio.screenshot('experiment-queue');
    // Pause puts the running run back in the queue with its checkpoint; Resume goes on.
    await panel.getByRole('button', { name: 'Pause' }).click();
    await eventually(() => panel.getByLabel('Time left').textContent()).toMatch(/^Paused/);
    await eventually(() => runs.locator('tbody tr[data-state="running"]').count()).toBe(0);
    await panel.getByRole('button', { name: 'Resume' }).click();
    await eventually(() => panel.getByRole('button', { name: 'Pause' }).count()).toBe(1);

    await eventually(() => runs.locator('tbody tr[data-state="completed"]').count(), EXPERIMENT_MS).toBe(4);
    const table = panel.getByRole('table', { name: 'Comparison table' });
    await eventually(() => table.locator('tbody tr').count()).toBe(2);
    // The table follows the host's results, read again when the last run's end arrives.
    await eventually(() => table.locator('tbody tr[data-variant="rate-0-01"]').textContent()).toMatch(/^Rate 0\.012\/2/);
    await eventually(() => table.locator('tbody tr[data-variant="rate-0-001"]').textContent()).toMatch(/^Rate 0\.0012\/2/);
    expect(await table.locator('tbody tr[data-variant="rate-0-001"]').textContent()).toMatch(/%/);
    expect(await panel.getByLabel('Runs compared').textContent()).toBe('4 of 4 runs trained an epoch');
    await eventually(() => panel.getByRole('img', { name: /^Validation top-1 accuracy .*Rate 0\.01 \d/ }).count()).toBe(1);
    // A chosen accuracy retimes the table.
    await panel.getByLabel('Target accuracy (%)').fill('1');
    expect(await table.locator('thead').textContent()).toContain('Reached 1.0%');
    await panel.getByRole('button', { name: 'Open report' }).click();
    await eventually(() => panel.getByRole('region', { name: 'Report' }).textContent()).toContain('# Tiny compare');
    await studio.screenshot('experiment-comparison');
  });
});
