/** A fresh temporary directory per test file, removed afterwards. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A fresh `INCEPTION_STUDIO_USER_DATA` folder for this test file: what the engine learns about the machine goes there. */
export function useUserDataDir(prefix: string): () => string {
  const dir = useTempDir(prefix);
  const saved = process.env.INCEPTION_STUDIO_USER_DATA;
  beforeAll(() => {
    process.env.INCEPTION_STUDIO_USER_DATA = dir();
  });
  afterAll(() => {
    process.env.INCEPTION_STUDIO_USER_DATA = saved;
  });
  return dir;
}
