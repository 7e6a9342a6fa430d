/**
 * Which WebGPU adapter this machine has, asked in a short child process: Dawn prints its driver
 * complaints ("vkCreateInstance: Found no drivers!") straight to stderr, which would otherwise
 * land in every command's output on a machine without a GPU driver. The child's stderr becomes
 * the reason instead.
 */

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { canRunProbeProcess, runProbeProcess } from './probeProcess';

export interface WebGpuAdapter {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A CPU renderer (SwiftShader, lavapipe, llvmpipe): never chosen automatically. */
  software: boolean;
  /** The largest buffer, and the largest storage binding: each caps one tensor. */
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface AdapterLimitsLike {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

const SOFTWARE_RENDERERS = /swiftshader|lavapipe|llvmpipe|softpipe|warp|microsoft basic render/i;

export function describeAdapter(info: AdapterInfoLike, limits: AdapterLimitsLike): WebGpuAdapter {
  const adapter = {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    maxBufferSize: limits.maxBufferSize,
    maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
  };
  const named = `${adapter.architecture} ${adapter.device} ${adapter.description}`;
  return { ...adapter, software: info.isFallbackAdapter === true || SOFTWARE_RENDERERS.test(named) };
}

/** "SwiftShader driver 5.0.0 (google swiftshader)": the driver's words, then vendor and architecture. */
export function webGpuAdapterSummary(adapter: WebGpuAdapter): string {
  const name = adapter.description || adapter.device || 'unnamed adapter';
  const family = [adapter.vendor, adapter.architecture].filter(Boolean).join(' ');
  return family && !name.toLowerCase().includes(family.toLowerCase()) ? `${name} (${family})` : name;
}

/** Runs in the child: prints the adapter's info and limits as JSON, or `null`. */
const PROBE_SCRIPT = `
const { create, globals } = await import(process.argv[1]);
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
const info = adapter && adapter.info;
const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
process.stdout.write(JSON.stringify(adapter ? {
  info: pick(info, ['vendor', 'architecture', 'device', 'description', 'isFallbackAdapter']),
  limits: pick(adapter.limits, ['maxBufferSize', 'maxStorageBufferBindingSize']),
} : null));
`;

export type AdapterProbe = { ok: true; value: WebGpuAdapter } | { ok: false; error: string };

export async function probeWebGpuAdapter(): Promise<AdapterProbe> {
  if (!canRunProbeProcess) return probeInProcess();
  let url: string;
  try {
    url = pathToFileURL(createRequire(import.meta.url).resolve('webgpu')).href;
  } catch {
    return { ok: false, error: 'the `webgpu` package is missing: reinstall the app\'s dependencies (npm ci)' };
  }
  const run = await runProbeProcess(PROBE_SCRIPT, [url], { module: true, timeoutMs: 30_000 });
  const complaint = driverComplaint(run.stderr);
  if (run.code !== 0) return { ok: false, error: `the WebGPU probe failed (${run.failure ?? `exit code ${run.code}`})${complaint ? `: ${complaint}` : ''}` };
  let found: { info: AdapterInfoLike; limits: AdapterLimitsLike } | null;
  try {
    found = JSON.parse(run.stdout) as typeof found;
  } catch {
    return { ok: false, error: `the WebGPU probe printed no adapter report${complaint ? `: ${complaint}` : ''}` };
  }
  if (!found) return { ok: false, error: `no WebGPU adapter: Dawn found no Vulkan, Metal or D3D12 driver for a GPU${complaint ? ` (${complaint})` : ''}` };
  return { ok: true, value: describeAdapter(found.info, found.limits) };
}

/** Inside Electron (no child process): the same question in this process; Dawn's complaints go to its stderr. */
async function probeInProcess(): Promise<AdapterProbe> {
  try {
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ok: false, error: 'no WebGPU adapter: Dawn found no Vulkan, Metal or D3D12 driver for a GPU' };
    return { ok: true, value: describeAdapter(adapter.info, adapter.limits) };
  } catch (error) {
    return { ok: false, error: `the WebGPU binding did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Dawn's first warning line, without its source location: what a user can act on. */
export function driverComplaint(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .find((text) => /^(Warning|Error):/.test(text));
  return line ? line.replace(/^(Warning|Error):\s*/, '') : '';
}
