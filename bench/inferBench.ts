/**
 * `npm run bench -- infer [--models a,b] [--batches 1,8] [--reps N] [--input N] [--no-cpu]
 * [--backends a,b] [--workers N]`: forward-pass latency of the paper networks on each backend
 * present (or those named; a named one that cannot load is reported and skipped), with peak
 * memory, the ONNX export on onnxruntime-node, and batch inference split over one wasm worker
 * per core against one thread (ratios against single-thread wasm from the same run). The
 * pure-JS cpu backend (~37 s per Inception-v4 forward at 299) runs batch 1 once; a software
 * WebGPU adapter runs only when named.
 */

import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BACKEND_NAMES, isBackendName, type BackendName } from '../app/compute/backends';
import { selectBackend } from '../app/engine/backends/select';
import { compileDesign } from '../app/engine/compile/compileDesign';
import { buildPreset } from '../app/presets/index';
import { exportModel } from '../app/engine/export/exportModel';
import { openForward } from '../app/engine/inference/batchForward';
import { median } from './median';

interface Options {
  models: string[];
  batches: number[];
  reps: number;
  input: number;
  cpu: boolean;
  /** Named backends only; absent: every backend that loads (no software adapter). */
  backends?: BackendName[];
  workers: number;
}

function options(args: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...args],
    options: {
      models: { type: 'string', default: 'inception-v4,inception-resnet-v2-tfslim' },
      batches: { type: 'string', default: '1,8' },
      reps: { type: 'string', default: '3' },
      input: { type: 'string', default: '299' },
      'no-cpu': { type: 'boolean', default: false },
      backends: { type: 'string' },
      workers: { type: 'string', default: String(os.availableParallelism()) },
    },
  });
  const numbers = (text: string, flag: string): number[] => {
    const list = text.split(',').map(Number);
    if (!list.every((n) => Number.isSafeInteger(n) && n >= 1)) throw new Error(`--${flag} ${text}: expected positive integers`);
    return list;
  };
  return {
    models: values.models.split(','),
    batches: numbers(values.batches, 'batches'),
    reps: numbers(values.reps, 'reps')[0],
    input: numbers(values.input, 'input')[0],
    cpu: !values['no-cpu'],
    ...(values.backends ? { backends: backendList(values.backends) } : {}),
    workers: numbers(values.workers, 'workers')[0],
  };
}

function backendList(text: string): BackendName[] {
  const names = text.split(',');
  const bad = names.find((name) => !isBackendName(name));
  if (bad) throw new Error(`--backends: unknown backend '${bad}'`);
  return names as BackendName[];
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

interface Timing {
  medianMs: number;
  peakRss: number;
  /** tf.memory().numBytes right after the forward pass: weights, input and output. */
  tensorBytes: number;
}

/** Reads the output asynchronously: the webgpu backend cannot read synchronously in Node. */
async function timeForward(model: tf.LayersModel, batch: number, input: number, reps: number, warmup: boolean): Promise<Timing> {
  const x = tf.randomUniform([batch, input, input, 3], -1, 1, 'float32', 7);
  const times: number[] = [];
  let peakRss = 0;
  let tensorBytes = 0;
  for (let i = warmup ? -1 : 0; i < reps; i++) {
    const start = performance.now();
    const y = model.predict(x) as tf.Tensor;
    tensorBytes = Math.max(tensorBytes, tf.memory().numBytes);
    await y.data();
    y.dispose();
    if (i >= 0) times.push(performance.now() - start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  x.dispose();
  return { medianMs: median(times), peakRss, tensorBytes };
}

/**
 * Median wall time of one batch through the forward pass predict uses (`openForward`): split
 * over `replicas` threads, this one included; 1 is this thread alone. Warmed up first (which
 * also starts the replica threads).
 */
async function timeSplit(preset: string, input: number, batch: number, replicas: number, reps: number): Promise<number> {
  const design = buildPreset(preset, { input });
  const { model } = compileDesign(design, { seed: 1 });
  const opened = openForward(model, design, replicas);
  const pixels = Float32Array.from({ length: batch * input * input * 3 }, () => Math.random() * 2 - 1);
  try {
    await opened.forward(pixels, batch);
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      await opened.forward(pixels, batch);
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await opened.close();
    model.dispose();
  }
}

export async function run(args: readonly string[]): Promise<void> {
  const opts = options(args);
  const backends: BackendName[] = [];
  for (const name of opts.backends ?? BACKEND_NAMES) {
    if (name === 'cpu' && !opts.cpu) continue;
    const loaded = await selectBackend({ backend: name }).then(
      (report) => report,
      (error: unknown) => console.log(`${name}: unavailable — ${error instanceof Error ? error.message : String(error)}`),
    );
    if (!loaded) continue;
    if (!opts.backends && loaded.backends.find((b) => b.name === name)?.gpu?.software) continue;
    backends.push(name);
  }
  if (backends.length === 0) return;
  const report = await selectBackend({ backend: backends[0] });
  console.log(`infer: ${opts.models.join(', ')} at ${opts.input}×${opts.input}; backends ${backends.join(', ')}; device ${report.device}; Node ${process.version}`);
  console.log('backend  model                           batch   median ms    images/s   peak RSS  tensors held');
  /** Single-thread wasm medians by `preset/batch`, the base of every ratio. */
  const wasmMs = new Map<string, number>();
  for (const backend of backends) {
    await selectBackend({ backend });
    for (const preset of opts.models) {
      const { model } = compileDesign(buildPreset(preset, { input: opts.input }), { seed: 1 });
      // The cpu backend takes ~37 s per Inception-v4 forward: batch 1, one run, no warm-up.
      const batches = backend === 'cpu' ? [1] : opts.batches;
      for (const batch of batches) {
        const t = await timeForward(model, batch, opts.input, backend === 'cpu' ? 1 : opts.reps, backend !== 'cpu');
        if (backend === 'wasm') wasmMs.set(`${preset}/${batch}`, t.medianMs);
        console.log(
          `${backend.padEnd(8)} ${preset.padEnd(31)} ${String(batch).padStart(5)} ${t.medianMs.toFixed(0).padStart(11)} ${((batch * 1000) / t.medianMs).toFixed(2).padStart(11)} ${mb(t.peakRss).padStart(10)} ${mb(t.tensorBytes).padStart(13)}`,
        );
      }
      model.dispose();
    }
  }
  await timeOnnxRuntime(opts, wasmMs);
  if (!backends.includes('wasm') || opts.workers < 2) return;
  const batch = Math.max(...opts.batches);
  await selectBackend({ backend: 'wasm' });
  console.log(`\nwasm batch ${batch} split over threads as predict splits it (each its own wasm instance):`);
  for (const preset of opts.models) {
    const one = await timeSplit(preset, opts.input, batch, 1, opts.reps);
    const many = await timeSplit(preset, opts.input, batch, opts.workers, opts.reps);
    console.log(`  ${preset.padEnd(31)} 1 thread ${one.toFixed(0)} ms, ${opts.workers} threads ${many.toFixed(0)} ms: ${(one / many).toFixed(2)}× (${((batch * 1000) / many).toFixed(2)} images/s)`);
  }
}

/** The same networks exported to ONNX on onnxruntime-node (its default threads: every core), against single-thread wasm. */
async function timeOnnxRuntime(opts: Options, wasmMs: ReadonlyMap<string, number>): Promise<void> {
  const runtime = await import('../app/engine/export/onnxRuntime').catch((error: unknown) => {
    console.log(`\nonnxruntime-node: unavailable — ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (!runtime) return;
  await selectBackend({ backend: 'wasm' });
  console.log('\nonnxruntime-node (the ONNX export), against single-thread wasm measured above:');
  for (const preset of opts.models) {
    const output = await exportModel({ kind: 'design', design: buildPreset(preset, { input: opts.input }), seed: 1 }, 'onnx', { appVersion: 'bench' });
    if (output.writes !== 'file') throw new Error('the ONNX export is one file');
    const session = await runtime.openOnnxSession(output.bytes);
    for (const batch of opts.batches) {
      const input = Float32Array.from({ length: batch * 3 * opts.input * opts.input }, () => Math.random() * 2 - 1);
      const dims = [batch, 3, opts.input, opts.input];
      await session.run(input, dims);
      const times: number[] = [];
      for (let i = 0; i < opts.reps; i++) {
        const start = performance.now();
        await session.run(input, dims);
        times.push(performance.now() - start);
      }
      const ms = median(times);
      const wasm = wasmMs.get(`${preset}/${batch}`);
      console.log(`  ${preset.padEnd(31)} batch ${String(batch).padStart(2)} ${ms.toFixed(0).padStart(7)} ms ${((batch * 1000) / ms).toFixed(2).padStart(8)} images/s${wasm ? `  ${(wasm / ms).toFixed(2)}× single-thread wasm` : ''}`);
    }
    await session.release();
  }
}
