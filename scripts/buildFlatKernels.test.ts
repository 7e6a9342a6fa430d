import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assembleFlatKernels, flatKernelsModuleText } from './buildFlatKernels';

describe('npm run build:kernels', () => {
  it('has written the assembled flatKernels.wat into flatKernelsWasm.ts (rerun it after changing the .wat)', async () => {
    const embedded = await readFile(new URL('../app/engine/train/flatKernelsWasm.ts', import.meta.url), 'utf8');
    expect(embedded).toBe(flatKernelsModuleText(await assembleFlatKernels()));
  });
});
