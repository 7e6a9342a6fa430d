import * as tf from '@tensorflow/tfjs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUserDataDir } from '../../node/testing/tempDir';
import { computeProfilePath, loadComputeProfile, machineFingerprint, preferenceFromProfile, saveComputeProfile, type ComputeProfile } from './computeProfile';
import { selectBackend } from './select';

const profile = (results: ComputeProfile['results'], machine = machineFingerprint()): ComputeProfile => ({
  format: 'inception-studio-compute-profile',
  version: 1,
  createdAt: '2026-01-02T03:04:05.000Z',
  machine,
  workload: 'test',
  results,
});
const result = (name: ComputeProfile['results'][number]['name'], imagesPerSecond: number, software = false) => ({ name, device: 'test', imagesPerSecond, software });

describe('preferenceFromProfile', () => {
  it('puts a backend first only where the measurement disagrees with the preference order', () => {
    expect(preferenceFromProfile(profile([result('webgpu', 400), result('wasm', 80)]))).toBeNull();
    expect(preferenceFromProfile(profile([result('webgpu', 40), result('wasm', 80), result('cpu', 2)]))).toEqual({
      name: 'wasm',
      reason: 'measured faster than webgpu here by `doctor` on 2026-01-02 (80.0 img/s against 40.0 img/s)',
    });
  });

  it('never prefers a software adapter, and ignores another machine’s profile', () => {
    expect(preferenceFromProfile(profile([result('webgpu', 900, true), result('wasm', 80), result('cpu', 2)]))).toBeNull();
    expect(preferenceFromProfile(profile([result('webgpu', 40), result('wasm', 80)], 'another machine'))).toBeNull();
    expect(preferenceFromProfile(null)).toBeNull();
  });
});

describe('the automatic choice after a measurement', () => {
  const folder = useUserDataDir('compute-profile');

  it('follows a saved profile that measured a later backend faster, and says why', async () => {
    expect(computeProfilePath()).toBe(join(folder(), 'compute-profile.json'));
    const before = await selectBackend();
    expect(before.active).not.toBe('cpu');
    // Made-up numbers: a cpu backend faster than every other, to see the choice move.
    await saveComputeProfile(profile([result(before.active, 10), result('cpu', 50)]));
    expect(await loadComputeProfile()).toMatchObject({ results: [{ name: before.active }, { name: 'cpu' }] });
    await selectBackend({ backend: before.active });
    const after = await selectBackend();
    expect(after.active).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(after.note).toBe(`measured faster than ${before.active} here by \`doctor\` on 2026-01-02 (50.0 img/s against 10.0 img/s)`);
    expect(after.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    await rm(computeProfilePath());
    await selectBackend({ backend: before.active });
    expect((await selectBackend()).active).toBe(before.active);
  });
});
