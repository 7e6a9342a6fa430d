/** Opens a dataset by path: a class-folder tree, a CSV manifest, or (no path) the bundled sample. */

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadBundledDataset } from './bundledDataset';
import { scanCsvDataset } from './csvDataset';
import { scanFolderDataset } from './folderDataset';
import { DatasetError, type Dataset } from './types';

export async function scanDataset(path: string | undefined, inputSize: number): Promise<Dataset> {
  if (path === undefined) return loadBundledDataset(inputSize);
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (!info) throw new DatasetError(`Dataset not found: ${full} does not exist.`);
  if (info.isDirectory()) return scanFolderDataset(full, inputSize);
  if (full.toLowerCase().endsWith('.csv')) return scanCsvDataset(full, inputSize);
  throw new DatasetError(`Dataset ${full} is neither a folder of class sub-folders nor a .csv manifest.`);
}
