/**
 * The compute check in the window, in Chromium against the real web host and engine worker:
 * every backend with why it is (un)available, a benchmark of each available one, and picking
 * a backend from the report. Leaves screenshots under test-artifacts/.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from '../../testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from '../../testing/eventually';

const skip = browserSkipReason();

describe.skipIf(skip !== null)(`compute check in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;

  beforeAll(async () => {
    studio = await openStudio({ height: 1100 });
    page = studio.page;
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
  });

  it('lists every backend with its reason, benchmarks the available ones and lets the user pick', async () => {
    await page.getByRole('button', { name: 'New empty design' }).click();
    await page.getByRole('tab', { name: 'Train' }).click();
    const check = page.getByRole('region', { name: 'Compute check' });
    await check.getByRole('button', { name: 'Check backends' }).click();
    const table = check.getByRole('table', { name: 'Compute backends' });
    await eventually(() => table.getByRole('row').count()).toBe(6);
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name} `) });
    expect(await row('tensorflow-gpu').textContent()).toMatch(/unavailable: (not installed|TensorFlow created no GPU device)/);
    expect(await row('wasm').textContent()).toMatch(/\(\d+ cores?\)/);
    expect(await check.getByLabel('Versions').textContent()).toMatch(/^Node \d+\.\d+\.\d+ · TensorFlow\.js 4\.22\.0 · /);
    const automatic = (await check.getByLabel('Automatic choice').textContent()) ?? '';
    expect(automatic).toMatch(/^Automatic choice: \S+/);

    await check.getByRole('button', { name: 'Benchmark backends' }).click();
    await eventually(() => row('cpu').textContent(), 120_000).toMatch(/[\d.]+ img\/s \([\d.]+× slower than \S+\)/);
    expect(await table.getByText(/img\/s \(fastest\)/).count()).toBe(1);
    expect(await check.getByText(/^Benchmark: Inception-ResNet-A \(v2\) block/).count()).toBe(1);
    await table.getByRole('row', { name: /^cpu / }).scrollIntoViewIfNeeded();
    await studio.screenshot('compute-check-benchmarked');

    await check.getByRole('button', { name: 'Use cpu' }).click();
    expect(await page.getByLabel('Backend', { exact: true }).inputValue()).toBe('cpu');
    expect(await page.getByLabel('Training device').textContent()).toMatch(/^Runs on .*\(\d+ cores?\)/);
  }, 240_000);
});
