/** Which kernels a computation runs, for tests that pin the route a kernel takes. */

import { profileKernels, type KernelTiming } from '../wasmKernels/kernelProfile';

/** `run`'s result, and how many times each kernel of `backend` ran meanwhile, kernels run inside other kernels included. */
export function kernelCalls<T>(backend: string, run: () => T): { result: T; calls: Map<string, number> } {
  const profiler = profileKernels(backend);
  let timings: KernelTiming[] = [];
  let result: T;
  try {
    result = run();
  } finally {
    timings = profiler.stop();
  }
  return { result, calls: new Map(timings.map((t) => [t.kernel, t.calls])) };
}

/** How many times each kernel a route names ran (0 when it did not), to compare with the route itself. */
export function callsOf(calls: ReadonlyMap<string, number>, route: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.keys(route).map((kernel) => [kernel, calls.get(kernel) ?? 0]));
}
