/**
 * Per-kernel wall time of a synchronous backend (wasm, cpu): every registered kernel of the
 * backend is wrapped with a timer while profiling. Times are self times — a kernel built from
 * other kernels (our convolution gradients) is charged only for its own work — so the table
 * adds up to the time spent in kernels; the rest of a step is tfjs bookkeeping in JavaScript.
 */

import * as tf from '@tensorflow/tfjs';

export interface KernelTiming {
  /** The kernel name, with the input shapes and strides when profiling by shape. */
  kernel: string;
  calls: number;
  selfMs: number;
}

export interface KernelProfiler {
  /** Restores the original kernels and returns the timings, slowest first. */
  stop(): KernelTiming[];
}

type KernelArgs = Parameters<tf.KernelFunc>[0];

function shapeKey(name: string, args: KernelArgs): string {
  const shapes = Object.entries(args.inputs).map(([input, t]) => `${input}[${t?.shape.join(',') ?? ''}]`);
  const strides = (args.attrs as { strides?: unknown } | undefined)?.strides;
  return `${name} ${shapes.join(' ')}${strides === undefined ? '' : ` s${String(strides)}`}`;
}

/** Starts timing every kernel of `backend`; `byShape` splits each kernel by its input shapes. */
export function profileKernels(backend: string, { byShape = false }: { byShape?: boolean } = {}): KernelProfiler {
  const originals = tf.getKernelsForBackend(backend);
  const totals = new Map<string, KernelTiming>();
  // Time spent in nested kernels, one entry per kernel on the call stack.
  const childMs: number[] = [];
  const wrap = (config: tf.KernelConfig): tf.KernelConfig => ({
    ...config,
    kernelFunc: ((args: KernelArgs) => {
      childMs.push(0);
      const start = performance.now();
      try {
        return config.kernelFunc(args);
      } finally {
        const elapsed = performance.now() - start;
        const nested = childMs.pop() ?? 0;
        if (childMs.length > 0) childMs[childMs.length - 1] += elapsed;
        const key = byShape ? shapeKey(config.kernelName, args) : config.kernelName;
        const entry = totals.get(key) ?? { kernel: key, calls: 0, selfMs: 0 };
        entry.calls++;
        entry.selfMs += elapsed - nested;
        totals.set(key, entry);
      }
    }) as tf.KernelFunc,
  });
  const swap = (configs: readonly tf.KernelConfig[]): void => {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, backend);
      tf.registerKernel(config);
    }
  };
  swap(originals.map(wrap));
  return {
    stop: () => {
      swap(originals);
      return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs);
    },
  };
}

/** A table of the slowest kernels with their share of `totalMs`. */
export function formatKernelTable(timings: readonly KernelTiming[], totalMs: number, rows = 25): string {
  const inKernels = timings.reduce((sum, t) => sum + t.selfMs, 0);
  const lines = timings.slice(0, rows).map((t) => `${t.selfMs.toFixed(0).padStart(8)} ms ${((100 * t.selfMs) / totalMs).toFixed(1).padStart(5)}% ${String(t.calls).padStart(6)}×  ${t.kernel}`);
  lines.push(`${inKernels.toFixed(0).padStart(8)} ms ${((100 * inKernels) / totalMs).toFixed(1).padStart(5)}%          in kernels (of ${totalMs.toFixed(0)} ms)`);
  return lines.join('\n');
}
