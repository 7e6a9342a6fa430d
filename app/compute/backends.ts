/**
 * The compute backends, in the order they are tried, with the name a person reads. The types,
 * the request schemas, the `--backend` checks and the training panel all derive from this list:
 * a new backend is one line here, then the engine's per-backend records (how to load it) stop
 * compiling until they say how.
 */

export const BACKENDS = [
  { name: 'tensorflow-gpu', title: 'TensorFlow native, GPU (CUDA)' },
  { name: 'webgpu', title: 'WebGPU (any GPU: Vulkan, Metal, D3D12)' },
  { name: 'tensorflow', title: 'TensorFlow native, CPU' },
  { name: 'wasm', title: 'WebAssembly (XNNPACK)' },
  { name: 'cpu', title: 'Plain JavaScript (slowest)' },
] as const;

export type BackendName = (typeof BACKENDS)[number]['name'];

/** Every backend name, most preferred first. */
export const BACKEND_NAMES: readonly BackendName[] = BACKENDS.map((backend) => backend.name);

export function isBackendName(value: unknown): value is BackendName {
  return (BACKEND_NAMES as readonly unknown[]).includes(value);
}

export function backendTitle(name: BackendName): string {
  return BACKENDS.find((backend) => backend.name === name)?.title ?? name;
}
