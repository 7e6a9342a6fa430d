/**
 * Browser-test fixtures for training from the window: a tiny dataset and design written into
 * the web host's folder, opening that design through the File dialog, and finding the trainer
 * process the test's own web host started (to crash it on purpose).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { serializeDesign } from '../../app/design/document';
import { buildPreset } from '../../app/presets/index';

export const TINY_CLASSES = 5;
const PALETTE: readonly (readonly [number, number, number])[] = [
  [220, 40, 40],
  [40, 200, 60],
  [40, 80, 220],
  [230, 200, 40],
  [160, 60, 200],
];

/** `root/data/class<k>/img<i>.png`: five colours, eight 80×80 images each, brightness varying. */
export async function writeTinyDataset(root: string): Promise<string> {
  const data = join(root, 'data');
  for (let k = 0; k < TINY_CLASSES; k++) {
    await mkdir(join(data, `class${k}`), { recursive: true });
    for (let i = 0; i < 8; i++) {
      const [r, g, b] = PALETTE[k].map((c) => Math.min(255, Math.round(c * (0.7 + i * 0.05))));
      await sharp({ create: { width: 80, height: 80, channels: 3, background: { r, g, b } } }).png().toFile(join(data, `class${k}`, `img${i}.png`));
    }
  }
  return data;
}

/** One of the dataset's images as PNG bytes, for the prediction panel's file picker. */
export function tinyImage(): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 80, channels: 3, background: { r: 40, g: 200, b: 60 } } }).png().toBuffer();
}

/** Inception-v4 cut down to train in seconds: 75×75, width 0.1, one block per stage. */
export async function writeTinyDesign(root: string, name = 'Tiny v4', classes = TINY_CLASSES, file = 'tiny.incept.json'): Promise<string> {
  const path = join(root, file);
  const design = { ...buildPreset('inception-v4', { input: 75, width: 0.1, repeats: [1, 1, 1], classes }), name };
  await writeFile(path, serializeDesign(design));
  return path;
}

/** Opens a design in the host folder through File ▸ Open, as a user of the web host does. */
export async function openDesignFile(page: Page, fileName: string): Promise<void> {
  const start = page.getByRole('dialog', { name: 'Start' });
  if (await start.isVisible()) await start.getByRole('button', { name: 'New empty design' }).click();
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open design' });
  await dialog.getByRole('option', { name: fileName }).click();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Trainer processes descended from this test process (its web host's children); Linux only. */
export function trainerProcesses(): number[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const isOurs = (pid: number): boolean => {
    for (let current: number | null = parentOf(pid), depth = 0; current !== null && current > 1 && depth < 6; current = parentOf(current), depth++) {
      if (current === process.pid) return true;
    }
    return false;
  };
  return pids.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('trainerProcess') && isOurs(pid);
    } catch {
      return false;
    }
  });
}
