import { describe, expect, it } from 'vitest';
import { expectedKernelModule, KERNEL_MODULES, readKernelModule } from './buildKernels';

describe('npm run build:kernels', () => {
  it.each(KERNEL_MODULES)('has written the assembled $source into $target (rerun it after changing the .wat)', async (kernel) => {
    expect(await readKernelModule(kernel)).toBe(await expectedKernelModule(kernel));
  });
});
