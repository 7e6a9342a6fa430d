/**
 * File › Export model… and Import model… in Chromium against the real web host and engine
 * worker: the open design downloads as ONNX and as a zipped PyTorch folder and is saved on the
 * host; a run's checkpoint exports from the training panel; its .onnx imports back and predicts
 * what the checkpoint predicts. Each test leaves a screenshot under test-artifacts/.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from '../../testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from '../../testing/eventually';
import { openDesignFile, TINY_CLASSES, tinyImage, writeTinyDataset, writeTinyDesign } from '../../testing/runFixtures';

const skip = browserSkipReason();
const TRAINING_MS = 120_000;

describe.skipIf(skip !== null)(`model export and import in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;
  /** The run the training panel test trains; the import test imports its exported checkpoint. */
  let runId = '';

  const dialog = () => page.getByRole('dialog', { name: 'Export model' });
  const fileMenu = async (item: string) => {
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  /** The top classes the prediction panel shows for the picked image (one name per call), as `label percent`. */
  const predictGreen = async (name: string) => {
    await page.getByLabel('Choose images').setInputFiles([{ name, mimeType: 'image/png', buffer: await tinyImage() }]);
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    const classes = page.getByRole('list', { name: `Top classes for ${name}` }).getByRole('listitem');
    await eventually(() => classes.count()).toBe(TINY_CLASSES);
    return classes.allTextContents();
  };

  beforeAll(async () => {
    studio = await openStudio({ height: 1000 });
    page = studio.page;
    page.on('dialog', (confirm) => void confirm.accept());
    await writeTinyDesign(studio.host.root);
    await writeTinyDataset(studio.host.root);
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
  });

  it('downloads the open design as ONNX and as a zipped PyTorch folder, and saves one on the host', async () => {
    await openDesignFile(page, 'tiny.incept.json');
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('tiny.incept.json');
    await fileMenu('Export model…');
    expect(await dialog().getByRole('radio', { name: /^ONNX/ }).isChecked()).toBe(true);
    expect(await dialog().getByRole('radio', { name: 'This design, initial weights of seed' }).isChecked()).toBe(true);
    // A seed that is no whole number exports nothing.
    await dialog().getByRole('textbox', { name: 'Seed' }).fill('x');
    expect(await dialog().getByRole('button', { name: 'Download' }).isDisabled()).toBe(true);
    await dialog().getByRole('textbox', { name: 'Seed' }).fill('7');
    await studio.screenshot('model-export-dialog');

    const [onnx] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Download' }).click()]);
    expect(onnx.suggestedFilename()).toBe('tiny.onnx');
    const bytes = readFileSync((await onnx.path())!);
    expect(bytes.includes(Buffer.from('inception-studio/export'))).toBe(true);
    await eventually(() => dialog().getByRole('status').textContent()).toBe('Downloaded tiny.onnx');

    await dialog().getByRole('button', { name: 'Save on the host' }).click();
    await eventually(() => dialog().getByRole('status').textContent()).toBe(`Saved to ${join(studio.host.root, 'tiny.onnx')}`);
    expect(readFileSync(join(studio.host.root, 'tiny.onnx'))).toEqual(bytes);

    await dialog().getByRole('radio', { name: /^PyTorch folder/ }).check();
    const [zip] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Download' }).click()]);
    expect(zip.suggestedFilename()).toBe('tiny-pytorch.zip');
    const listed = spawnSync('/usr/bin/python3', ['-m', 'zipfile', '-l', (await zip.path())!], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    for (const file of ['model.py', 'weights.npz', 'train.py', 'README.md', 'classes.json']) expect(listed.stdout).toContain(`tiny-pytorch/${file}`);
    await dialog().getByRole('button', { name: 'Close' }).click();
    expect(await dialog().count()).toBe(0);
  });

  it('exports a checkpoint from the training panel', async () => {
    await page.getByRole('tab', { name: 'Train' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Dataset folder or CSV', { exact: true }).fill(join(studio.host.root, 'data'));
    await panel.getByLabel('Epochs', { exact: true }).fill('1');
    await panel.getByLabel('Batch size', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Start training' }).click();
    await eventually(() => page.getByLabel('Run status').textContent(), TRAINING_MS).toMatch(/^Completed/);
    runId = /^Completed · (\S+)/.exec((await page.getByLabel('Run status').textContent()) ?? '')?.[1] ?? '';
    await page.getByRole('region', { name: 'Run results' }).getByRole('button', { name: 'Export last…' }).click();
    expect(await dialog().getByRole('radio', { name: new RegExp(`^Checkpoint ${runId} — last`) }).isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Save on the host' }).click();
    await eventually(() => dialog().getByRole('status').textContent(), TRAINING_MS).toBe(`Saved to ${join(studio.host.root, `tiny-${runId}-last.onnx`)}`);
    await dialog().getByRole('radio', { name: /^Portable TF\.js/ }).check();
    await dialog().getByRole('button', { name: 'Save on the host' }).click();
    const saved = join(studio.host.root, `tiny-${runId}-last-tfjs`);
    await eventually(() => dialog().getByRole('status').textContent(), TRAINING_MS).toBe(`Saved to ${saved}`);
    expect(existsSync(join(saved, 'model.json')) && existsSync(join(saved, 'weights.bin'))).toBe(true);
    await studio.screenshot('model-export-checkpoint');
    await dialog().getByRole('button', { name: 'Close' }).click();

    // The past runs list offers the same dialog for each run, with its checkpoint chosen.
    const exportRun = page.getByRole('region', { name: 'Past runs' }).getByRole('button', { name: `Export ${runId}` });
    await eventually(() => exportRun.count()).toBe(1);
    await exportRun.click();
    expect(await dialog().getByRole('radio', { name: new RegExp(`^Checkpoint ${runId} — (best|last)`), checked: true }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('imports the checkpoint’s .onnx back as a model directory that predicts as the checkpoint does', async () => {
    await page.getByRole('region', { name: 'Run results' }).getByRole('button', { name: 'Predict with last' }).click();
    const fromCheckpoint = await predictGreen('green.png');

    await fileMenu('Import model…');
    const importer = page.getByRole('dialog', { name: 'Import model' });
    await importer.getByRole('button', { name: 'Browse the host…' }).click();
    await importer.getByRole('group', { name: 'Choose what to import' }).getByRole('button', { name: `Choose tiny-${runId}-last.onnx` }).click();
    const modelName = `tiny-${runId}-last-model`;
    expect(await importer.getByRole('textbox', { name: 'Model folder name' }).inputValue()).toBe(modelName);
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(() => importer.getByRole('status').textContent()).toBe(`Imported Tiny v4 (${TINY_CLASSES} classes) into ${join(studio.host.root, modelName)}`);
    await studio.screenshot('model-import-done');
    await importer.getByRole('button', { name: 'Open in the prediction panel' }).click();
    expect(await page.getByRole('radio', { name: 'A saved model directory' }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Model directory' }).inputValue()).toBe(join(studio.host.root, modelName));
    const fromImport = await predictGreen('green-again.png');
    expect(fromImport).toEqual(fromCheckpoint);

    // What is not an import source is refused, naming it; nothing is written.
    await fileMenu('Import model…');
    await importer.getByRole('textbox', { name: 'Import from' }).fill(join(studio.host.root, 'tiny.incept.json'));
    await importer.getByRole('button', { name: 'Import', exact: true }).click();
    await eventually(() => importer.getByRole('alert').textContent()).toContain(`${join(studio.host.root, 'tiny.incept.json')}: import reads a train.py run folder`);
    expect(existsSync(join(studio.host.root, 'tiny-model'))).toBe(false);
    await importer.getByRole('button', { name: 'Close' }).click();
  });
});
