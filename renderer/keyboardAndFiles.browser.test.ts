/**
 * Never losing work, the keyboard alone, and files between the browser's machine and the host,
 * in Chromium against the real web host: roles, labels and keys only. Each test leaves a
 * screenshot under test-artifacts/.
 */

import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSkipReason, openStudio, type StudioSession } from './testing/studioBrowser';
import { BROWSER_TEST_MS, eventually } from './testing/eventually';
import { TINY_CLASSES, writeTinyDataset } from './testing/runFixtures';

const skip = browserSkipReason();

describe.skipIf(skip !== null)(`keeping work, keyboard and files in Chromium${skip ? ` (skipped: ${skip})` : ''}`, { timeout: BROWSER_TEST_MS }, () => {
  let studio: StudioSession;
  let page: Page;
  let local: string;
  const dialogs: string[] = [];

  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent?.trim() || document.activeElement?.tagName);
  const recoveryCopies = () => {
    const folder = join(studio.host.root, '.inception-studio', 'recovery');
    return existsSync(folder) ? readdirSync(folder) : [];
  };

  beforeAll(async () => {
    studio = await openStudio();
    page = studio.page;
    // The unsaved-changes prompts (leaving the page, replacing the design): go on.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    local = mkdtempSync(join(tmpdir(), 'studio-local-'));
  }, 180_000);

  afterAll(async () => {
    await studio?.close();
    if (local) rmSync(local, { recursive: true, force: true });
  });

  it('offers the unsaved design again after the page is reloaded without saving', async () => {
    await page.getByRole('button', { name: 'Open preset Inception-v4' }).click();
    await page.getByRole('dialog', { name: 'Open Inception-v4' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('listitem', { name: 'Dropout' }).dblclick();
    expect(await page.getByLabel('Unsaved changes').count()).toBe(1);
    // The host keeps a copy a few seconds after the change.
    await eventually(async () => recoveryCopies().length).toBe(1);
    // The inspector/diagnostics split, moved with the keyboard, is remembered across the reload.
    const splitter = page.getByRole('separator', { name: 'Resize inspector and diagnostics' });
    const defaultHeight = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const moved = Number(await splitter.getAttribute('aria-valuenow'));
    expect(moved).toBe(defaultHeight + 48);

    await page.reload();
    expect(dialogs).toContain('beforeunload');
    const offer = page.getByRole('dialog', { name: 'Restore unsaved work?' });
    await eventually(() => offer.count()).toBe(1);
    expect(await offer.getByRole('listitem', { name: 'Inception-v4' }).textContent()).toContain('never saved');
    await studio.screenshot('recovery-offered');
    // The dialog has the keyboard: Enter restores.
    expect(await focused()).toBe('Restore Inception-v4');
    await page.keyboard.press('Enter');
    await eventually(() => offer.count()).toBe(0);
    expect(await page.getByLabel('Document title').textContent()).toContain('Inception-v4');
    expect(await page.getByLabel('Unsaved changes').count()).toBe(1);
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(moved);
    // The design opens at full size from its input; the whole of it shows the restored node.
    await page.getByRole('button', { name: 'Fit view' }).click();
    await eventually(() => page.getByRole('group', { name: /^Node dropout2( \(expanded\))?$/ }).count()).toBe(1);
  });

  it('works the menu bar from the keyboard: F10, arrows, Home/End, typeahead and Escape', async () => {
    await page.getByRole('main', { name: 'Design canvas' }).click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('F10');
    expect(await focused()).toBe('File');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Help');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('File');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('menu', { name: 'File' }).count()).toBe(1);
    expect(await focused()).toMatch(/^New Design/);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatch(/^Start screen/);
    await page.keyboard.press('o');
    expect(await focused()).toMatch(/^Open…/);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('menu', { name: 'Edit' }).count()).toBe(1);
    expect(await focused()).toMatch(/^Undo/);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await focused()).toBe('Edit');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="menubar"]') ?? null)).toBeNull();
    await studio.screenshot('menubar-keyboard');
  });

  it('opens a preset, adds a block and saves the design with the keyboard alone', async () => {
    await page.keyboard.press('F10');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Presets');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Inception-v4');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Inception-ResNet-v1');
    await page.keyboard.press('Enter');
    // The preset's options, with Open focused: Enter opens with the defaults.
    await eventually(() => page.getByRole('dialog', { name: 'Open Inception-ResNet-v1' }).count()).toBe(1);
    expect(await focused()).toBe('Open');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByLabel('Document title').textContent()).toContain('Inception-ResNet-v1');
    // The menu that opened the dialog is gone: focus goes on at the design's first node.
    await eventually(() => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null)).toBe('input');

    // F10 goes back to the menu bar; from there, Tab moves on to the palette's search.
    await page.keyboard.press('F10');
    expect(await focused()).toBe('Presets');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Search palette');
    await page.keyboard.type('resnet-a (v1)');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Inception-ResNet-A (v1)');
    await page.keyboard.press('Enter');
    // Added after the lowest node and selected: the inspector shows it.
    await eventually(() => page.getByRole('region', { name: 'Inspector' }).getByRole('heading').first().textContent()).toContain('Inception-ResNet-A (v1)');

    // Never saved: Ctrl+S asks where; a bare name lands in the host's folder with the extension.
    await page.keyboard.press('Control+s');
    const saveAs = page.getByRole('dialog', { name: 'Save design as' });
    await eventually(() => saveAs.count()).toBe(1);
    expect(await focused()).toBe('File name');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('keyboard net');
    await studio.screenshot('keyboard-save-as');
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('status').filter({ hasText: /^Saved to / }).textContent()).toBe(`Saved to ${join(studio.host.root, 'keyboard net.incept.json')}`);
    expect(existsSync(join(studio.host.root, 'keyboard net.incept.json'))).toBe(true);
    expect(await page.getByLabel('Unsaved changes').count()).toBe(0);
    // Saved: the recovery copy has done its job.
    await eventually(async () => recoveryCopies().length).toBe(0);
  });

  it('walks the Open dialog with the keyboard, showing designs and folders unless all files are asked for', async () => {
    await mkdir(join(studio.host.root, 'sub'));
    writeFileSync(join(studio.host.root, 'sub', 'inner.incept.json'), '{}');
    writeFileSync(join(studio.host.root, 'notes.txt'), 'not a design');
    await page.getByLabel('Search palette').focus();
    await page.keyboard.press('Control+o');
    const open = page.getByRole('dialog', { name: 'Open design' });
    const files = open.getByRole('listbox', { name: 'Files' });
    await eventually(() => files.getByRole('option').allTextContents()).toEqual(['📁 sub', 'keyboard net.incept.json']);
    expect(await focused()).toBe('Files');
    await open.getByLabel('Show').selectOption('all');
    await eventually(() => files.getByRole('option', { name: 'notes.txt' }).count()).toBe(1);
    await open.getByLabel('Show').selectOption('designs');

    // Tab and Shift+Tab stay inside the dialog.
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-label'))).toBe('Open design');
    await files.focus();
    await page.keyboard.press('Home');
    expect(await files.getByRole('option', { selected: true }).textContent()).toBe('📁 sub');
    await page.keyboard.press('Enter');
    await eventually(() => files.getByRole('option').allTextContents()).toEqual(['inner.incept.json']);
    await page.keyboard.press('Backspace');
    await eventually(() => files.getByRole('option').count()).toBe(2);
    expect(await files.getByRole('option', { selected: true }).textContent()).toBe('📁 sub');
    await page.keyboard.press('ArrowDown');
    await studio.screenshot('open-dialog-keyboard');
    await page.keyboard.press('Escape');
    await eventually(() => open.count()).toBe(0);
    // Closed, the dialog hands focus back where it was.
    expect(await focused()).toBe('Search palette');

    // Double-click opens.
    await page.keyboard.press('Control+o');
    await open.getByRole('option', { name: 'keyboard net.incept.json' }).dblclick();
    await eventually(() => open.count()).toBe(0);
    expect(await page.getByLabel('Document title').textContent()).toContain('keyboard net.incept.json');
  });

  it('uploads a dataset folder from this machine into a host folder and scans it there', async () => {
    const data = await writeTinyDataset(local);
    await writeFile(join(data, '.DS_Store'), 'finder litter');
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByLabel('Upload a dataset folder…').setInputFiles(data);
    const plan = page.getByRole('group', { name: 'Upload to the host' });
    await eventually(() => plan.textContent()).toMatch(/40 files, .* from “data”; 1 left out \(data\/\.DS_Store names a hidden file/);
    await plan.getByLabel('Subfolder').fill('datasets');
    await plan.getByRole('button', { name: 'Upload' }).click();
    const target = join(studio.host.root, 'datasets', 'data');
    await eventually(() => page.getByRole('status').filter({ hasText: 'Uploaded' }).textContent()).toBe(`Uploaded 40 files into ${target}`);
    expect(readdirSync(target).sort()).toEqual(Array.from({ length: TINY_CLASSES }, (_, k) => `class${k}`));
    expect(await page.getByLabel('Dataset folder or CSV').inputValue()).toBe(target);
    await eventually(() => page.getByLabel('Dataset scan report').textContent()).toContain(`40 images in ${TINY_CLASSES} classes`);
    await studio.screenshot('dataset-uploaded');

    // The same folder again: refused, nothing overwritten.
    await page.getByLabel('Upload a dataset folder…').setInputFiles(data);
    await plan.getByLabel('Subfolder').fill('datasets');
    await plan.getByRole('button', { name: 'Upload' }).click();
    const refusal = page.getByRole('tabpanel').getByRole('alert').filter({ hasText: 'Upload refused' });
    await eventually(() => refusal.textContent()).toMatch(/already exists.*Nothing was written/);
  });
});
