/** Test set-up: a temp folder per test file, removed afterwards, with an optional synthetic dataset. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeSyntheticDataset, type SyntheticOptions } from '../data/syntheticDataset';

export interface TestFolder {
  /** The temp folder (set before the tests run). */
  root: string;
  /** `root/data`, holding the synthetic dataset when one was asked for. */
  data: string;
}

export function useTestFolder(prefix: string, dataset?: SyntheticOptions): TestFolder {
  const folder: TestFolder = { root: '', data: '' };
  beforeAll(async () => {
    folder.root = await mkdtemp(join(tmpdir(), prefix));
    folder.data = join(folder.root, 'data');
    if (dataset) await writeSyntheticDataset(folder.data, dataset);
  });
  afterAll(async () => {
    await rm(folder.root, { recursive: true, force: true });
  });
  return folder;
}
