/**
 * Training from the window, in Chromium against the real web host and trainer process: a tiny
 * Inception-v4 on a tiny dataset. Roles and labels only; each test leaves a screenshot under
 * test-artifacts/.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from '../../testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from '../../testing/eventually';
import { openDesignFile, TINY_CLASSES, tinyImage, trainerProcesses, writeTinyDataset, writeTinyDesign } from '../../testing/runFixtures';

const skip = browserSkipReason();
const TRAINING_MS = 90_000;

/** Waits for a value as the run goes on. */

describe.skipIf(skip !== null)(`training panel in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;
  let data: string;

  const status = () => page.getByLabel('Run status').textContent();
  const setField = async (label: string, value: string) => page.getByRole('tabpanel').getByLabel(label, { exact: true }).fill(value);

  /** Settings for a short run on the tiny dataset. */
  async function setUpRun(epochs: number) {
    await setField('Epochs', String(epochs));
    await setField('Batch size', '8');
    await setField('Validation split', '0.25');
  }

  beforeAll(async () => {
    studio = await openStudio({ height: 1000 });
    page = studio.page;
    page.on('dialog', (dialog) => void dialog.accept());
    data = await writeTinyDataset(studio.host.root);
    await writeTinyDesign(studio.host.root);
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
  });

  it('scans the chosen dataset, estimates memory and trains to the end with live charts', async () => {
    await openDesignFile(page, 'tiny.incept.json');
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('tiny.incept.json');
    await page.getByRole('tab', { name: 'Train' }).click();
    // The bundled sample is scanned first; then the user's folder.
    await eventually(() => page.getByLabel('Dataset scan report').textContent()).toContain('Bundled sample');
    // Pick the folder by browsing the host's folders.
    await page.getByRole('button', { name: 'Browse…' }).click();
    const browser = page.getByRole('group', { name: 'Choose a dataset' });
    await browser.getByRole('button', { name: 'Open folder data' }).click();
    await eventually(() => browser.getByRole('button', { name: 'Open folder class0' }).count()).toBe(1);
    await browser.getByRole('button', { name: 'Use this folder' }).click();
    expect(await page.getByLabel('Dataset folder or CSV').inputValue()).toBe(data);
    await eventually(() => page.getByLabel('Dataset scan report').textContent()).toContain(`40 images in ${TINY_CLASSES} classes`);
    await eventually(() => page.getByLabel('Training device').count()).toBe(1);
    const largest = Number(await page.getByLabel('Largest batch that fits').textContent());
    expect(largest).toBeGreaterThan(8);
    await setField('Batch size', String(largest + 1));
    const warning = page.getByLabel('Memory estimate').getByRole('alert');
    expect(await warning.textContent()).toContain(`Batch ${largest + 1} will not fit`);
    await warning.getByRole('button', { name: `Use batch ${largest}` }).click();
    expect(await page.getByRole('tabpanel').getByLabel('Batch size', { exact: true }).inputValue()).toBe(String(largest));
    await setUpRun(2);
    // Two data-parallel replicas, as `train --workers 2` asks (the default gives batch 8 one).
    await setField('Worker threads', '2');
    // A cache of 1 MB, as `train --image-cache 1` asks: the tiny set fits, and the run says so.
    await setField('Image cache (MB)', '1');

    await page.getByRole('button', { name: 'Start training' }).click();
    await eventually(() => page.getByLabel('Design locked').count()).toBe(1);
    await eventually(() => page.getByRole('img', { name: /^Loss: train \(step\) \d/ }).count(), TRAINING_MS).toBe(1);
    await studio.screenshot('training-running');
    await eventually(status, TRAINING_MS).toMatch(/^Completed/);
    expect(await page.getByLabel('Training progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(1);
    expect(await page.getByRole('img', { name: /^Accuracy: .*top-1 validation \d/ }).count()).toBe(1);
    expect(await page.getByLabel('Design locked').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Run results' }).getByRole('button', { name: 'Save last as model…' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Run results' }).textContent()).toContain('× 2 workers');
    // The finished run is listed with the runs of the design's file.
    const pastRuns = page.getByRole('region', { name: 'Past runs' });
    await eventually(() => pastRuns.getByRole('table', { name: 'Runs of tiny.incept.json' }).getByRole('row').count()).toBeGreaterThan(1);
    await studio.screenshot('training-completed');

    // Hovering the loss chart at the last step shows each line's value there, exactly as logged.
    const runId = /^Completed · (\S+)/.exec((await status()) ?? '')?.[1] ?? '';
    const logged = readFileSync(join(studio.host.root, 'runs', runId, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; message?: string; validation?: { loss: number } });
    expect(logged.find((event) => event.type === 'log' && event.message?.startsWith('Image cache:'))?.message).toMatch(/of 1 MB\); later epochs crop them from memory\.$/);
    const lastValidation = logged.filter((event) => event.type === 'epoch').at(-1)?.validation?.loss ?? Number.NaN;
    await page.locator('[data-chart="Loss"]').scrollIntoViewIfNeeded();
    // uPlot's plotting area (its `.u-over` layer), inside the axes.
    const plot = await page.locator('[data-chart="Loss"] .u-over').boundingBox();
    if (!plot) throw new Error('no loss chart');
    await page.mouse.move(plot.x + plot.width - 3, plot.y + plot.height / 2);
    await eventually(() => page.getByLabel('Loss position').textContent()).toMatch(/^step \d+$/);
    const legend = page.getByRole('list', { name: 'Loss legend' });
    expect(await legend.getByRole('button', { name: /^train \(step\) \d/ }).count()).toBe(1);
    expect(await legend.getByRole('button', { name: /^validation / }).getAttribute('aria-label')).toBe(`validation ${Number(lastValidation.toPrecision(4))}`);
    await studio.screenshot('chart-hover');
    // A click on a legend entry hides its line, another shows it; a drag zooms the steps.
    await legend.getByRole('button', { name: /^validation / }).click();
    expect(await legend.getByRole('button', { name: /^validation / }).getAttribute('aria-pressed')).toBe('false');
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.7, plot.y + plot.height / 2, { steps: 4 });
    await page.mouse.up();
    await eventually(() => page.getByRole('button', { name: 'Reset zoom' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await eventually(() => page.getByRole('button', { name: 'Reset zoom' }).count()).toBe(0);
    await legend.getByRole('button', { name: /^validation / }).click();
    expect(await legend.getByRole('button', { name: /^validation / }).getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(0, 0);

    // Compare, evaluate and save the run; predict with the saved model directory.
    await pastRuns.getByRole('checkbox', { name: /^Compare / }).first().check();
    await eventually(() => pastRuns.getByRole('img', { name: /^Top-1 accuracy per epoch: .* validation \d/ }).count()).toBe(1);
    const results = page.getByRole('region', { name: 'Run results' });
    // The trainer's own validation matrix is shown; no evaluation of the whole folder is offered.
    const matrix = results.getByRole('table', { name: 'Confusion matrix' });
    expect(await matrix.count()).toBe(1);
    expect(await matrix.getByRole('row').count()).toBe(TINY_CLASSES + 1);
    expect(await results.getByText(/^Confusion matrix \(validation split, epoch 2\)/).count()).toBe(1);
    expect(await results.getByRole('button', { name: 'Evaluate best' }).count()).toBe(0);
    await results.getByRole('button', { name: 'Save best as model…' }).click();
    const saved = results.getByRole('status').filter({ hasText: 'Saved the best model to' });
    await eventually(() => saved.count()).toBe(1);
    const modelDir = /Saved the best model to (.+)$/.exec((await saved.textContent()) ?? '')?.[1] ?? '';
    expect(modelDir.startsWith(studio.host.root)).toBe(true);
    await studio.screenshot('training-evaluated-and-saved');
    // From a browser elsewhere, the model folder comes down as one zip named after the design file.
    const [archive] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download best (.zip)' }).click()]);
    expect(archive.suggestedFilename()).toBe(`tiny-${runId}-best.zip`);
    const zip = readFileSync((await archive.path())!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from(`tiny-${runId}-best/model.json`))).toBe(true);
    // The run's settings read as the form names them.
    await results.getByText('Run settings').click();
    expect(await results.getByText('Gradient clipping', { exact: true }).count()).toBe(1);
    expect(await results.getByText('clipNorm').count()).toBe(0);

    await page.getByRole('tab', { name: 'Predict' }).click();
    await page.getByRole('radio', { name: 'A saved model directory' }).check();
    await page.getByRole('textbox', { name: 'Model directory' }).fill(modelDir);
    await page.getByLabel('Choose images').setInputFiles({ name: 'saved.png', mimeType: 'image/png', buffer: await tinyImage() });
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await eventually(() => page.getByRole('list', { name: 'Top classes for saved.png' }).getByRole('listitem').count()).toBe(TINY_CLASSES);
    // A model directory with onnxruntime-node installed (a dependency) and no backend named: the ONNX export ran.
    expect(await page.locator('.prediction-panel__ran-on').textContent()).toBe("Ran on onnxruntime-node, on the model's ONNX export");
    await page.getByRole('button', { name: 'Clear images' }).click();
    expect(await page.locator('.prediction-panel__ran-on').count()).toBe(0);
    await page.getByRole('tab', { name: 'Train' }).click();
    // Two replica threads start, train and predict on a machine others share.
  }, 2 * TRAINING_MS);

  it('evaluates a run without a validation split on its whole folder, and says so', async () => {
    await setUpRun(1);
    await setField('Validation split', '0');
    await page.getByRole('button', { name: 'Start training' }).click();
    // `epoch 1/1` tells this run from the previous test's two-epoch one.
    await eventually(status, TRAINING_MS).toMatch(/^Completed .* epoch 1\/1 /);
    const results = page.getByRole('region', { name: 'Run results' });
    expect(await results.getByRole('table', { name: 'Confusion matrix' }).count()).toBe(0);
    await results.getByRole('button', { name: 'Evaluate last' }).click();
    const matrix = results.getByRole('table', { name: 'Confusion matrix' });
    await eventually(() => matrix.count()).toBe(1);
    expect(await matrix.getByRole('row').count()).toBe(TINY_CLASSES + 1);
    const caption = results.getByText(`Evaluated on ${data} (every image, centre crops): 40 images`, { exact: false });
    expect(await caption.count()).toBe(1);
    expect(await caption.textContent()).toMatch(/ · ran on onnxruntime-node, on the model's ONNX export$/);
    await studio.screenshot('training-evaluated-whole-folder');
  });

  it('pauses, continues, stops, and resumes a run from its checkpoint', async () => {
    await setUpRun(30);
    await page.getByRole('button', { name: 'Start training' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Training · .* step [1-9]/);
    // The designer is read-only while the run uses the design, and says why.
    const stem = page.getByRole('group', { name: /^Node stem( \(expanded\))?$/ });
    await stem.click();
    await page.keyboard.press('Delete');
    await eventually(() => page.getByRole('contentinfo', { name: 'Status bar' }).textContent()).toContain('is training this design');
    expect(await stem.count()).toBe(1);
    await page.getByRole('button', { name: 'Pause' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Paused/);
    await page.getByRole('button', { name: 'Continue' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Training/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Stopped/);
    const stoppedAt = Number(/step (\d+)/.exec((await status()) ?? '')?.[1]);
    expect(stoppedAt).toBeGreaterThan(0);
    // The run list follows by itself: no "training" left for a stopped run.
    const runId = /^Stopped · (\S+)/.exec((await status()) ?? '')?.[1] ?? '';
    const state = page.getByRole('region', { name: 'Past runs' }).getByLabel(`State of ${runId}`);
    await eventually(() => state.textContent()).toBe('stopped');
    const started = await page.getByRole('region', { name: 'Past runs' }).getByRole('row').filter({ hasText: runId }).locator('time').first().textContent();
    await studio.screenshot('training-stopped');

    await page.getByRole('button', { name: 'Resume from checkpoint' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Training/);
    await eventually(async () => Number(/step (\d+)/.exec((await status()) ?? '')?.[1]), TRAINING_MS).toBeGreaterThan(stoppedAt);
    expect(await page.getByText(/^Resumed at epoch/).count()).toBeGreaterThan(0);
    // "Started" stays the first start; the resume is listed under it.
    await eventually(() => page.getByRole('list', { name: `Resumes of ${runId}` }).getByRole('listitem').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Past runs' }).getByRole('row').filter({ hasText: runId }).locator('time').first().textContent()).toBe(started);
    await page.getByRole('button', { name: 'Stop' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Stopped/);
    await studio.screenshot('training-resumed-and-stopped');
  });

  it('shows a trainer crash and keeps the last checkpoint usable for prediction and resuming', async () => {
    await setUpRun(30);
    await page.getByRole('button', { name: 'Start training' }).click();
    const results = page.getByRole('region', { name: 'Run results' });
    await eventually(status, TRAINING_MS).toMatch(/^Training/);
    const runId = /^Training · (\S+)/.exec((await status()) ?? '')?.[1];
    // The first epoch's checkpoint of this run.
    await eventually(() => results.textContent(), TRAINING_MS).toContain(`${runId}/checkpoints/last`);
    const trainers = trainerProcesses();
    expect(trainers.length).toBe(1);
    process.kill(trainers[0], 'SIGKILL');

    const alert = page.getByRole('tabpanel').getByRole('alert').filter({ hasText: 'trainer process' });
    await eventually(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/killed by a signal.*Last checkpoint: .*checkpoints\/last/);
    expect(await status()).toMatch(/^Trainer crashed/);
    await studio.screenshot('trainer-crashed');

    await results.getByRole('button', { name: 'Predict with last' }).click();
    await page.getByLabel('Choose images').setInputFiles({ name: 'green.png', mimeType: 'image/png', buffer: await tinyImage() });
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await eventually(() => page.getByRole('list', { name: 'Top classes for green.png' }).getByRole('listitem').count()).toBe(TINY_CLASSES);
    await studio.screenshot('predict-from-crashed-checkpoint');

    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByRole('button', { name: 'Resume from checkpoint' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Training/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Stopped/);
  });

  it('asks before a run resizes the classifier: cancel changes nothing; accept sets the class count (one undo step) and starts', async () => {
    await writeTinyDesign(studio.host.root, 'Three classes', 3, 'three.incept.json');
    await openDesignFile(page, 'three.incept.json');
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('three.incept.json');
    const output = () => page.getByRole('contentinfo', { name: 'Status bar' }).getByLabel('Output shape').textContent();
    expect(await output()).toBe('output 3');
    // Open the Train tab unless an earlier test left it open (a second click would close it).
    const train = page.getByRole('tab', { name: 'Train' });
    if ((await train.getAttribute('aria-selected')) !== 'true') await train.click();
    await page.getByLabel('Dataset folder or CSV').fill(data);
    await eventually(() => page.getByLabel('Dataset scan report').textContent()).toContain(`40 images in ${TINY_CLASSES} classes`);
    await setUpRun(30);

    await page.getByRole('button', { name: 'Start training' }).click();
    const prompt = page.getByRole('group', { name: 'Classifier resize' });
    await eventually(() => prompt.count()).toBe(1);
    expect(await prompt.textContent()).toContain(`The dataset has ${TINY_CLASSES} classes, but the classifier logits has 3 outputs.`);
    expect(await page.getByRole('contentinfo', { name: 'Status bar' }).getByLabel('Classifier resize').textContent()).toContain(`3 → ${TINY_CLASSES} classes`);
    expect(await page.getByRole('group', { name: 'Node logits' }).getByLabel('Pending classifier resize').textContent()).toBe(`3 → ${TINY_CLASSES} classes for the dataset?`);
    await studio.screenshot('classifier-resize-prompt');

    // Cancel: no run, the design as it was.
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => prompt.count()).toBe(0);
    expect(await page.getByLabel('Pending classifier resize').count()).toBe(0);
    expect(await page.getByLabel('Design locked').count()).toBe(0);
    expect(await output()).toBe('output 3');

    // Accept: the design's class count becomes the dataset's, then the run starts.
    await page.getByRole('button', { name: 'Start training' }).click();
    await prompt.getByRole('button', { name: `Use ${TINY_CLASSES} classes and start` }).click();
    await eventually(() => output()).toBe(`output ${TINY_CLASSES}`);
    await eventually(() => page.getByLabel('Design locked').count()).toBe(1);
    await eventually(status, TRAINING_MS).toMatch(/^Training/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await eventually(status, TRAINING_MS).toMatch(/^Stopped/);
    await eventually(() => page.getByLabel('Design locked').count()).toBe(0);
    // The resize was one edit: one undo brings the three classes back.
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await eventually(() => output()).toBe('output 3');
  });
});
