/**
 * Opens a dataset by path: a class-folder tree, a CSV manifest, or (no path) the bundled sample.
 * `onProgress` hears each file's header check (the slow part on large folders).
 */

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ProgressCallback } from '../../training/progress';
import { loadBundledDataset } from './bundledDataset';
import { scanCsvDataset } from './csvDataset';
import { scanFolderDataset } from './folderDataset';
import { DatasetError, type Dataset } from './types';

export async function scanDataset(path: string | undefined, inputSize: number, onProgress?: ProgressCallback): Promise<Dataset> {
  if (path === undefined) return loadBundledDataset(inputSize);
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (!info) throw new DatasetError(`Dataset not found: ${full} does not exist.`);
  if (info.isDirectory()) return scanFolderDataset(full, inputSize, onProgress);
  if (full.toLowerCase().endsWith('.csv')) return scanCsvDataset(full, inputSize, onProgress);
  throw new DatasetError(`Dataset ${full} is neither a folder of class sub-folders nor a .csv manifest.`);
}
