/**
 * The WebGPU adapter for tests: a GPU's own when this machine has one, else the SwiftShader
 * Vulkan driver that Debian's `chromium` package ships (a CPU renderer: slow, but every webgpu
 * kernel runs). Resolves to why the webgpu tests must skip, or null when they can run.
 */

import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { probeWebGpuAdapter } from '../backends/webgpuAdapter';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export async function webGpuSkipReason(): Promise<string | null> {
  let probe = await probeWebGpuAdapter();
  if (!probe.ok && !process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) {
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    // Dawn's Vulkan loader wants a runtime folder.
    process.env.XDG_RUNTIME_DIR ??= tmpdir();
    probe = await probeWebGpuAdapter();
  }
  return probe.ok ? null : `no WebGPU adapter (${probe.error}); Debian's chromium package provides a software one at ${SWIFTSHADER_ICD}`;
}
