/** The compute backends in order of preference, and the tfjs backend each one registers. */

import type { BackendStatus } from '../../protocol';

export type BackendName = BackendStatus['name'];

export const BACKEND_PREFERENCE: readonly BackendName[] = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'];

/** Both native packages register themselves as the tfjs backend `tensorflow`. */
export const TFJS_BACKEND: Readonly<Record<BackendName, string>> = {
  'tensorflow-gpu': 'tensorflow',
  webgpu: 'webgpu',
  tensorflow: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_PREFERENCE as readonly string[]).includes(value);
}
