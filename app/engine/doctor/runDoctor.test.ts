import { describe, expect, it } from 'vitest';
import { fastestBenchmark } from '../../compute/benchmarks';
import { isPackageInstalled } from '../backends/nativePackages';
import { loadComputeProfile } from '../backends/computeProfile';
import { probeWebGpuAdapter } from '../backends/webgpuAdapter';
import { useUserDataDir } from '../../node/testing/tempDir';
import { runDoctor } from './runDoctor';

const nativeInstalled = isPackageInstalled('@tensorflow/tfjs-node') || isPackageInstalled('@tensorflow/tfjs-node-gpu');
const gpuAdapter = (await probeWebGpuAdapter()).ok;

describe('runDoctor', () => {
  useUserDataDir('doctor');

  it('reports every backend and the versions without timing anything when asked', async () => {
    const report = await runDoctor({ benchmark: false });
    expect(report.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(report.backends.every((b) => b.available || (b.reason ?? '').length > 0)).toBe(true);
    expect(report.versions).toMatchObject({ node: process.versions.node, electron: null, tfjs: '4.22.0', cpu: expect.stringMatching(/cores?\)$/) });
    expect(report.benchmark).toBeNull();
    expect(await loadComputeProfile()).toBeNull();
  });

  it('times the workload on each available backend, saves the measurement and names the automatic choice', async () => {
    const progress: string[] = [];
    const report = await runDoctor({ benchmark: true, seconds: 1, onProgress: (line) => progress.push(line) });
    const available = report.backends.filter((b) => b.available).map((b) => b.name);
    expect(report.benchmark?.results.map((r) => r.name)).toEqual(available);
    expect(progress).toEqual(available.map((name) => `benchmarking ${name}…`));
    for (const result of report.benchmark?.results ?? []) {
      expect(result.error, result.name).toBeUndefined();
      expect(result.imagesPerSecond).toBeGreaterThan(0);
      expect(result.steps).toBeGreaterThanOrEqual(1);
    }
    const rate = (name: string) => report.benchmark?.results.find((r) => r.name === name)?.imagesPerSecond ?? 0;
    expect(rate('wasm')).toBeGreaterThan(rate('cpu'));
    expect(fastestBenchmark(report.benchmark?.results ?? [])?.name).not.toBe('cpu');
    const profile = await loadComputeProfile();
    expect(profile?.results.map((r) => r.name)).toEqual(available);
    if (!nativeInstalled && !gpuAdapter) expect(report.automatic).toBe('wasm');
  }, 120_000);
});
