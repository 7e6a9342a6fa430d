/**
 * Writes small, learnable image-folder datasets for tests and benchmarks: each class is a
 * distinct colour with seeded noise, so a tiny network separates them in a few steps.
 */

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createRandom, mixSeed } from '../../training/seededRandom';

const palette: readonly (readonly [number, number, number])[] = [
  [220, 40, 40],
  [40, 200, 60],
  [50, 70, 230],
  [230, 210, 40],
];

export interface SyntheticOptions {
  classes: number;
  perClass: number;
  size: number;
  seed?: number;
  format?: 'png' | 'jpeg';
}

/** Creates `root/class<k>/img<i>.<ext>` and returns the file paths by class. */
export async function writeSyntheticDataset(root: string, options: SyntheticOptions): Promise<string[][]> {
  const { classes, perClass, size, seed = 7, format = 'png' } = options;
  const files: string[][] = [];
  for (let c = 0; c < classes; c++) {
    const folder = join(root, `class${c}`);
    await mkdir(folder, { recursive: true });
    const colour = palette[c % palette.length];
    const classFiles: string[] = [];
    for (let i = 0; i < perClass; i++) {
      const random = createRandom(mixSeed(seed, c, i));
      const pixels = Buffer.alloc(size * size * 3);
      for (let p = 0; p < size * size; p++) {
        for (let k = 0; k < 3; k++) pixels[p * 3 + k] = Math.max(0, Math.min(255, colour[k] + Math.round((random() - 0.5) * 120)));
      }
      const file = join(folder, `img${i}.${format === 'png' ? 'png' : 'jpg'}`);
      const image = sharp(pixels, { raw: { width: size, height: size, channels: 3 } });
      await (format === 'png' ? image.png() : image.jpeg()).toFile(file);
      classFiles.push(file);
    }
    files.push(classFiles);
  }
  return files;
}
