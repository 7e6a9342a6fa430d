/** An image-folder dataset: one sub-folder per class, JPEG/PNG/WebP files inside. */

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProgressCallback } from '../../training/progress';
import { assembleFileDataset, sortClassNames } from './fileDataset';
import { isImageFile } from '../../training/imageFormats';
import { DatasetError, type Dataset, type LabeledSample } from './types';

export async function scanFolderDataset(root: string, inputSize: number, onProgress?: ProgressCallback): Promise<Dataset> {
  const top = await readdir(root, { withFileTypes: true });
  const classNames = sortClassNames(top.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name));
  if (classNames.length === 0) {
    throw new DatasetError(`No class folders in ${root}: put each class's images in a sub-folder named after the class (e.g. ${join(root, 'cats')}).`);
  }
  const warnings: string[] = [];
  const strayImages = top.filter((e) => e.isFile() && isImageFile(e.name)).length;
  if (strayImages > 0) warnings.push(`Ignoring ${strayImages} image${strayImages === 1 ? '' : 's'} directly in ${root}: images belong in a class sub-folder.`);
  const entries: LabeledSample[] = [];
  for (const [label, name] of classNames.entries()) {
    const folder = join(root, name);
    const files = (await readdir(folder, { withFileTypes: true, recursive: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    const others = files.filter((f) => !isImageFile(f)).length;
    if (others > 0) warnings.push(`Ignoring ${others} non-image file${others === 1 ? '' : 's'} in ${folder} (JPEG, PNG and WebP are read).`);
    for (const file of files.filter(isImageFile)) entries.push({ id: file, label });
  }
  return assembleFileDataset({ root, kind: 'folder', classNames, entries, inputSize, warnings }, onProgress);
}
