/** Which kernels a computation runs, for tests that pin the route a kernel takes. */

import { profileKernels, type KernelTiming } from '../wasmKernels/kernelProfile';

/** How many times each kernel of `backend` ran during `run`, kernels run inside other kernels included. */
export function kernelCalls(backend: string, run: () => void): Map<string, number> {
  const profiler = profileKernels(backend);
  let timings: KernelTiming[] = [];
  try {
    run();
  } finally {
    timings = profiler.stop();
  }
  return new Map(timings.map((t) => [t.kernel, t.calls]));
}
