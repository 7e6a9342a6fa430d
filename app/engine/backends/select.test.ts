import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { isPackageInstalled } from './nativePackages';
import { explainLoadFailure } from './nativePackages';
import { BackendUnavailableError, describeBackends, selectBackend } from './select';
import { probeWebGpuAdapter } from './webgpuAdapter';

const nativeInstalled = isPackageInstalled('@tensorflow/tfjs-node') || isPackageInstalled('@tensorflow/tfjs-node-gpu');
// This process's environment names no software Vulkan driver, so an adapter here is a GPU.
const gpuAdapter = (await probeWebGpuAdapter()).ok;

describe('selectBackend', () => {
  it.skipIf(nativeInstalled || gpuAdapter)('falls back to wasm and says why each faster backend was skipped (no native package, no GPU here)', async () => {
    const report = await selectBackend();
    expect(report.active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(report.device).toMatch(/\(\d+ cores?\)$/);
    expect(report.backends.map((b) => [b.name, b.available])).toEqual([
      ['tensorflow-gpu', false],
      ['webgpu', false],
      ['tensorflow', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(report.backends[0].reason).toContain('not installed: install it with `npm install @tensorflow/tfjs-node-gpu@4.22.0`');
    expect(report.backends[1].reason).toMatch(/^no WebGPU adapter: Dawn found no Vulkan, Metal or D3D12 driver/);
    expect(report.backends[2].reason).toContain('npm install @tensorflow/tfjs-node@4.22.0');
    expect(describeBackends(report)).toMatch(/^backend: wasm on .*\n {2}tensorflow-gpu: unavailable — not installed.*\n {2}webgpu: unavailable — no WebGPU adapter/);
  });

  it('honours an override and switches the tfjs backend', async () => {
    expect((await selectBackend({ backend: 'cpu' })).active).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect((await selectBackend({ backend: 'wasm' })).active).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('goes back to the automatic choice when no backend is named after an override', async () => {
    const automatic = await selectBackend();
    await selectBackend({ backend: 'cpu' });
    expect((await selectBackend()).active).toBe(automatic.active);
    expect(tf.getBackend()).not.toBe('cpu');
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
