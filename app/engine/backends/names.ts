/** The tfjs backend each compute backend (app/compute/backends.ts) registers. */

import type { BackendName } from '../../compute/backends';

/** Both native packages register themselves as the tfjs backend `tensorflow`. */
export const TFJS_BACKEND: Readonly<Record<BackendName, string>> = {
  'tensorflow-gpu': 'tensorflow',
  webgpu: 'webgpu',
  tensorflow: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};
