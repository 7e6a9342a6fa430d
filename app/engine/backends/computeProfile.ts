/**
 * The doctor's measurements, kept per machine so that the automatic backend choice follows
 * them: where the benchmark found a backend later in the preference order faster than the one
 * the order would pick (an integrated GPU slower than the CPU, say), that one is tried first.
 * A profile from other hardware or software (CPU, platform, tfjs, native packages) is ignored.
 */

import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendBenchmark, BackendStatus } from '../../protocol';
import { writeFileAtomic } from '../../node/files/writeFileAtomic';
import { userDataDir } from '../../node/files/userDataDir';
import { cpuDescription } from './device';
import { BACKEND_NAMES, type BackendName } from '../../compute/backends';
import { isPackageInstalled, NATIVE_PACKAGE } from './nativePackages';

const FORMAT = 'inception-studio-compute-profile';

export interface ComputeProfile {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  /** The machine and software it was measured on; see `machineFingerprint`. */
  machine: string;
  workload: string;
  results: { name: BackendName; device: string; imagesPerSecond: number; software: boolean }[];
}

export const computeProfilePath = (): string => join(userDataDir(), 'compute-profile.json');

export function machineFingerprint(): string {
  const native = Object.values(NATIVE_PACKAGE).filter((pkg) => isPackageInstalled(pkg));
  return `${process.platform}-${process.arch}; ${cpuDescription()}; tfjs ${tf.version.tfjs}; native: ${native.join(', ') || 'none'}`;
}

export function profileFromBenchmark(workload: string, results: readonly BackendBenchmark[], statuses: readonly BackendStatus[], now = new Date()): ComputeProfile {
  const software = new Set(statuses.filter((s) => s.gpu?.software).map((s) => s.name));
  return {
    format: FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    machine: machineFingerprint(),
    workload,
    results: results.flatMap((r) => (r.imagesPerSecond === undefined ? [] : [{ name: r.name, device: r.device, imagesPerSecond: r.imagesPerSecond, software: software.has(r.name) }])),
  };
}

export async function saveComputeProfile(profile: ComputeProfile, path = computeProfilePath()): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(profile, null, 2)}\n`);
}

export async function loadComputeProfile(path = computeProfilePath()): Promise<ComputeProfile | null> {
  try {
    const profile = JSON.parse(await readFile(path, 'utf8')) as ComputeProfile;
    return profile.format === FORMAT && profile.version === 1 && Array.isArray(profile.results) ? profile : null;
  } catch {
    return null;
  }
}

export interface MeasuredPreference {
  name: BackendName;
  /** Why it goes first, for the report. */
  reason: string;
}

/**
 * The backend measured fastest, when the preference order would pick another (software
 * adapters never); null without a profile for this machine or when the two agree.
 */
export function preferenceFromProfile(profile: ComputeProfile | null, machine = machineFingerprint()): MeasuredPreference | null {
  if (!profile || profile.machine !== machine) return null;
  const eligible = profile.results.filter((r) => !r.software && r.imagesPerSecond > 0);
  if (eligible.length < 2) return null;
  const fastest = eligible.reduce((best, r) => (r.imagesPerSecond > best.imagesPerSecond ? r : best));
  const byOrder = [...eligible].sort((a, b) => BACKEND_NAMES.indexOf(a.name) - BACKEND_NAMES.indexOf(b.name))[0];
  if (fastest.name === byOrder.name) return null;
  const rate = (r: { imagesPerSecond: number }): string => `${r.imagesPerSecond.toFixed(1)} img/s`;
  return {
    name: fastest.name,
    reason: `measured faster than ${byOrder.name} here by \`doctor\` on ${profile.createdAt.slice(0, 10)} (${rate(fastest)} against ${rate(byOrder)})`,
  };
}

export async function measuredPreference(): Promise<MeasuredPreference | null> {
  return preferenceFromProfile(await loadComputeProfile());
}
