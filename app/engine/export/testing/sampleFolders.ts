/** The bundled Fashion-MNIST sample as image folders (one sub-folder per class), as a user's dataset would be. */

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadBundledDataset } from '../../data/bundledDataset';

export interface SampleFolders {
  /** Folder names in the bundled order ('/' in a class name becomes '_'). */
  classNames: string[];
  train: string;
  heldOut: string;
  /** The held-out images with their class folder. */
  heldOutImages: { path: string; className: string }[];
}

/** The first `train` images of each class into `<dir>/train`, the next `heldOut` into `<dir>/held-out`. */
export async function writeSampleFolders(dir: string, train: number, heldOut: number): Promise<SampleFolders> {
  const dataset = await loadBundledDataset(28);
  const classNames = dataset.classNames.map((name) => name.replace(/\//g, '_'));
  const folders = { train: join(dir, 'train'), heldOut: join(dir, 'held-out') };
  const seen = classNames.map(() => 0);
  const heldOutImages: SampleFolders['heldOutImages'] = [];
  for (const name of classNames) for (const root of Object.values(folders)) await mkdir(join(root, name), { recursive: true });
  for (const sample of dataset.samples) {
    const index = seen[sample.label]++;
    if (index >= train + heldOut) continue;
    const className = classNames[sample.label];
    const path = join(index < train ? folders.train : folders.heldOut, className, `${index}.png`);
    await dataset.open(sample).png().toFile(path);
    if (index >= train) heldOutImages.push({ path, className });
  }
  return { classNames, ...folders, heldOutImages };
}
