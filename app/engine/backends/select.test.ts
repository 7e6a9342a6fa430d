import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isPackageInstalled } from './nativePackages';
import { explainLoadFailure } from './nativePackages';
import { BackendUnavailableError, describeBackends, selectBackend } from './select';

const nativeInstalled = isPackageInstalled('@tensorflow/tfjs-node') || isPackageInstalled('@tensorflow/tfjs-node-gpu');

describe('selectBackend', () => {
  it.skipIf(nativeInstalled)('falls back to wasm and says why each native backend was skipped (the native packages are not installed here)', async () => {
    const report = await selectBackend();
    expect(report.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.device).toMatch(/\(\d+ cores?\)$/);
    expect(report.backends.map((b) => [b.name, b.available])).toEqual([
      ['tensorflow-gpu', false],
      ['tensorflow', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(report.backends[0].reason).toContain('not installed: install it with `npm install @tensorflow/tfjs-node-gpu@4.22.0`');
    expect(report.backends[1].reason).toContain('npm install @tensorflow/tfjs-node@4.22.0');
    expect(describeBackends(report)).toMatch(/^backend: wasm on .*\n {2}tensorflow-gpu: unavailable — not installed/);
  });

  it('honours an override and switches the tfjs backend', async () => {
    expect((await selectBackend({ backend: 'cpu' })).active).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect((await selectBackend({ backend: 'wasm' })).active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it.skipIf(nativeInstalled)('fails with the reason when the requested backend cannot load', async () => {
    const attempt = selectBackend({ backend: 'tensorflow' });
    await expect(attempt).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(attempt).rejects.toThrow(/Could not load backend 'tensorflow'\. tensorflow: not installed: .*npm install @tensorflow\/tfjs-node@4\.22\.0/);
  });
});

describe('explainLoadFailure', () => {
  it('tells missing CUDA libraries from other load failures', () => {
    expect(explainLoadFailure('tensorflow-gpu', new Error('libcudart.so.11.0: cannot open shared object file'), true)).toMatch(/^CUDA libraries missing \(libcudart/);
    expect(explainLoadFailure('tensorflow', new Error('invalid ELF header'), true)).toMatch(/^failed to load @tensorflow\/tfjs-node: invalid ELF header; reinstall/);
    expect(explainLoadFailure('tensorflow', new Error('whatever'), false)).toMatch(/^not installed/);
  });
});
