/**
 * `npm run bench -- train [--backends a,b] [--workers N] [--steps N] [--warmup N] [--batch N] [--large-steps N]
 * [--large-batch N] [--no-large] [--large-on-cpu] [--profile] [--profile-shapes] [--pytorch [--rounds N]]`: training
 * throughput (images/s over `--steps` steps, 30 by default, as a run takes them: gradients, update, weight average; after
 * `--warmup` untimed steps, 100 by default, one for the full network and the cpu backend: a run
 * takes thousands of steps, and V8 is still optimising tfjs' code well past the first 30 — one
 * thread spent ~200 ms in TurboFan over steps 20–50 (`--trace-opt`), on the same two cores that
 * train; the cpu backend runs batch ≤ 4 for one step) of the small preset (Inception-v4,
 * width 0.25, one block per stage, 75×75) and of full
 * Inception-v4 at 299×299, on each backend present; plus the data pipeline's rate on the
 * bundled dataset, decoding and from the image cache. Under each rate, where each thread's steps went per phase, in wall-clock and
 * thread-CPU milliseconds (CPU time does not grow while other processes hold the cores). The
 * pure-JS cpu backend skips the full network unless asked (minutes per step). `--profile` prints where the timed steps spent their time, per kernel (self time;
 * `--profile-shapes` splits each kernel by input shapes). Kernels are timed as they run, which
 * is exact on wasm and cpu; a GPU kernel returns before it finishes. `--pytorch` also trains the
 * small preset, exported as PyTorch, with Debian's python3-torch on one thread and on every core,
 * and prints its rate over the Studio's best of the run; `--rounds N` then times the Studio on
 * every worker and PyTorch on every core N more times, alternately, and prints each round's
 * ratio and their median (PyTorch's own two-thread rate here went from ~560 to ~900 img/s within
 * minutes).
 */

import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { isBackendName, type BackendName } from '../app/compute/backends';
import { selectBackend } from '../app/engine/backends/select';
import { streamBatches, type Batch } from '../app/engine/data/batchStream';
import { ImageCache } from '../app/engine/data/imageCache';
import { scanDataset } from '../app/engine/data/scanDataset';
import { DEFAULT_IMAGE_CACHE_MB } from '../app/training/imageCache';
import { createOptimizer, createWeightAverage, initialiseLikeTf1 } from '../app/engine/train/optimizer';
import { prepareModel } from '../app/engine/train/prepareModel';
import { applyGradients, shardGradients, trainableModel, type TrainableModel } from '../app/engine/train/trainStep';
import { PhaseClock, type PhaseTotals } from '../app/engine/train/parallel/phaseClock';
import type { TrainConfig } from '../app/training/types';
import { phaseLine } from './phaseLines';
import { pytorchTrainRate } from './pytorchReference';
import { DataParallelTrainer } from '../app/engine/train/parallel/dataParallel';
import { serializeDesign } from '../app/design/document';
import os from 'node:os';
import { formatKernelTable, profileKernels } from '../app/engine/wasmKernels/kernelProfile';
import { buildPreset } from '../app/presets/index';
import { resolveTrainConfig } from '../app/training/defaults';
import { median } from './median';

interface Case {
  name: string;
  build: () => ReturnType<typeof buildPreset>;
  classes: number;
  batch: number;
  steps: number;
  /** Untimed steps first. */
  warmup: number;
}

function randomBatch(size: number, input: readonly [number, number, number], classes: number): Batch {
  const [h, w, c] = input;
  const pixels = Float32Array.from({ length: size * h * w * c }, () => Math.random() * 2 - 1);
  return { pixels, labels: Int32Array.from({ length: size }, (_, i) => i % classes), size };
}

interface Profiling {
  backend: string;
  byShape: boolean;
}

/** `replicas` > 1: data-parallel over wasm worker threads, as a run with `--workers` trains. */
interface Rate {
  imagesPerSecond: number;
  secondsPerStep: number;
  /** Where each thread's steps went, one line per thread. */
  phases: string[];
  /**
   * Images/s if every thread had a core to itself: the batch over the busiest thread's CPU time
   * per step; with the cores the process got on average (CPU time of all its threads over the
   * wall clock). Null where CPU time is unknown.
   */
  onFreeCores: { imagesPerSecond: number; coresUsed: number } | null;
  /** This thread's forward+backward per step: wall-clock and CPU ms (CPU null where unknown). */
  ownShare: { ms: number; cpuMs: number | null };
  /**
   * Cores the whole process used over the timed steps (`process.cpuUsage`: every thread, V8's
   * garbage collector and compiler threads included); `onFreeCores.coresUsed` is the training
   * threads' share of them.
   */
  processCores: number;
  profile?: string;
}

/** One step on a single thread, its gradients and its update timed apart. */
async function timedStep(net: TrainableModel, optimizer: tf.Optimizer, config: TrainConfig, batch: Batch, clock: PhaseClock): Promise<void> {
  const shard = await clock.time('forward+backward', () => shardGradients(net, config, batch));
  try {
    await clock.time('optimizer', () => applyGradients(net, optimizer, config, shard.grads));
  } finally {
    tf.dispose(shard.grads);
  }
}

/** `totals` with `extra`'s phases added (the weight average, timed outside the data-parallel trainer). */
function withPhases(totals: PhaseTotals, extra: PhaseTotals): PhaseTotals {
  return { ...totals, ms: { ...totals.ms, ...extra.ms }, cpuMs: { ...totals.cpuMs, ...extra.cpuMs } };
}

async function trainRate(item: Case, profiling: Profiling | null, replicas = 1): Promise<Rate> {
  const classNames = Array.from({ length: item.classes }, (_, i) => `c${i}`);
  const prepared = prepareModel(item.build(), classNames, 1);
  const { model } = prepared;
  const net = trainableModel(model, item.classes);
  const config = resolveTrainConfig({ batchSize: item.batch });
  const optimizer = createOptimizer(config);
  await initialiseLikeTf1(optimizer, config, net.variables);
  // A run averages the weights after every step, as here.
  const average = createWeightAverage(net.variables, config.emaDecay);
  const batch = randomBatch(item.batch, net.input, item.classes);
  const parallel = replicas > 1 ? await DataParallelTrainer.start(net, serializeDesign(prepared.document), classNames, config, replicas) : null;
  const clock = new PhaseClock();
  const step = async (index: number): Promise<void> => {
    await (parallel ? parallel.step(optimizer, batch, index) : timedStep(net, optimizer, config, batch, clock));
    clock.timeSync('average', () => average.update());
    clock.endStep();
  };
  for (let i = 0; i < item.warmup; i++) await step(i);
  clock.reset();
  parallel?.resetPhases();
  const profiler = profiling ? profileKernels(profiling.backend, { byShape: profiling.byShape }) : null;
  const start = performance.now();
  const startUsage = process.cpuUsage();
  for (let i = 0; i < item.steps; i++) await step(item.warmup + i);
  const elapsedMs = performance.now() - start;
  const usage = process.cpuUsage(startUsage);
  const timings = profiler?.stop();
  const secondsPerStep = elapsedMs / 1000 / item.steps;
  const msPerStep = elapsedMs / item.steps;
  const threads = parallel ? (({ main, replicas }) => ({ main: withPhases(main, clock.totals()), replicas }))(parallel.phases()) : { main: clock.totals(), replicas: [] };
  const phases = [phaseLine('main thread', threads.main, msPerStep), ...threads.replicas.map((totals, r) => phaseLine(`replica ${r + 1}`, totals, msPerStep))];
  await parallel?.close();
  optimizer.dispose();
  average.dispose();
  model.dispose();
  const steps = Math.max(1, threads.main.steps);
  const cpu = threads.main.cpuMs['forward+backward'];
  const ownShare = { ms: (threads.main.ms['forward+backward'] ?? 0) / steps, cpuMs: cpu === undefined ? null : cpu / steps };
  const cpuPerStep = [threads.main, ...threads.replicas].map((t) => (t.cpuTotalMs === null ? null : t.cpuTotalMs / Math.max(1, t.steps)));
  const known = cpuPerStep.every((ms) => ms !== null) ? (cpuPerStep as number[]) : null;
  const onFreeCores = known ? { imagesPerSecond: (item.batch * 1000) / Math.max(...known), coresUsed: known.reduce((a, b) => a + b, 0) / msPerStep } : null;
  const processCores = (usage.user + usage.system) / 1000 / elapsedMs;
  const result = { imagesPerSecond: item.batch / secondsPerStep, secondsPerStep, phases, onFreeCores, ownShare, processCores };
  return timings ? { ...result, profile: formatKernelTable(timings, elapsedMs, profiling?.byShape ? 40 : 25) } : result;
}

/** PyTorch training the same design on one thread and on every core, against the Studio's best rate of this run. */
async function pytorchLines(item: Case, studioBest: number): Promise<string> {
  const lines: string[] = [];
  for (const threads of [1, os.availableParallelism()]) {
    const rate = await pytorchTrainRate(item.build(), item.classes, item.batch, item.steps, threads);
    if (typeof rate === 'string') return `pytorch: not measured — ${rate}`;
    lines.push(
      `${`pytorch × ${rate.threads}`.padEnd(14)} ${item.name.padEnd(22)} batch ${String(item.batch).padStart(2)}: ${rate.imagesPerSecond.toFixed(2).padStart(8)} img/s  (torch ${rate.torch}) = ${(rate.imagesPerSecond / studioBest).toFixed(2)}× the Studio's best rate in this run`,
    );
  }
  return lines.join('\n');
}

/**
 * PyTorch on every core over the Studio on `workers` threads, `rounds` times, each pair timed
 * back to back so that both see the machine in the same state; each round's ratio and the median.
 */
async function alternatingRatios(item: Case, workers: number, rounds: number): Promise<string> {
  const cores = os.availableParallelism();
  const lines: string[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const studio = (await trainRate(item, null, workers)).imagesPerSecond;
    const torch = await pytorchTrainRate(item.build(), item.classes, item.batch, item.steps, cores);
    if (typeof torch === 'string') return `pytorch: not measured — ${torch}`;
    ratios.push(torch.imagesPerSecond / studio);
    lines.push(`  round ${round}: wasm × ${workers} ${studio.toFixed(1)} img/s, pytorch × ${torch.threads} ${torch.imagesPerSecond.toFixed(1)} img/s: ${ratios[ratios.length - 1].toFixed(2)}×`);
  }
  lines.push(`pytorch × ${cores} over wasm × ${workers}, median of ${rounds} alternating round(s): ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×)`);
  return lines.join('\n');
}

/** The CPU-time view of a rate: what it would be on free cores, and how many cores it got (on a shared machine the kernel shares the cores per session, not per thread). */
function freeCoresLine(rate: Rate, oneThread?: Rate): string {
  const free = rate.onFreeCores;
  if (!free) return '  (CPU time unknown on this platform)';
  const against = oneThread?.onFreeCores ? ` = ${(free.imagesPerSecond / oneThread.onFreeCores.imagesPerSecond).toFixed(2)}× one thread` : '';
  const all = rate.processCores;
  const process = `; the whole process ${all.toFixed(2)}, its other threads (V8's garbage collector and compiler) ${Math.max(0, all - free.coresUsed).toFixed(2)} of them`;
  return `  on free cores (busiest thread's CPU per step) ≈ ${free.imagesPerSecond.toFixed(1)} img/s${against}; cores this run got: ${free.coresUsed.toFixed(2)} of ${os.availableParallelism()}${process}`;
}

/**
 * Replica 0's share timed alone on one thread against the same share beside the other
 * replicas: how much the threads slow each other (1.00: not at all), the ceiling of what
 * replicas can give on this machine whatever the main thread's own overhead.
 */
async function shareContention(item: Case, replicas: number, beside: Rate['ownShare']): Promise<string> {
  const share = Math.ceil(item.batch / replicas);
  const alone = (await trainRate({ ...item, batch: share }, null)).ownShare;
  const cpu = (x: Rate['ownShare']): string => (x.cpuMs === null ? '' : ` (CPU ${x.cpuMs.toFixed(0)})`);
  return `  one share (batch ${share}) forward+backward: alone ${alone.ms.toFixed(1)} ms${cpu(alone)}, beside ${replicas - 1} other replica(s) ${beside.ms.toFixed(1)} ms${cpu(beside)}: ${(beside.ms / alone.ms).toFixed(2)}× per thread (1.00: the threads do not slow each other)`;
}

/** The pipeline's images/s decoding (the first epoch, which fills the image cache) and cropping from the cache (the second). */
async function pipelineRates(size: number, images: number): Promise<{ decoding: number; cached: number }> {
  const dataset = await scanDataset(undefined, size);
  const indices = dataset.samples.slice(0, images).map((_, i) => i);
  const cache = new ImageCache(DEFAULT_IMAGE_CACHE_MB * 2 ** 20);
  const epochRate = async (epoch: number): Promise<number> => {
    const start = performance.now();
    let count = 0;
    for await (const batch of streamBatches({ dataset, indices, batchSize: 32, geometry: { size, channels: 3 }, training: true, seed: 1, epoch, cache })) count += batch.size;
    return count / ((performance.now() - start) / 1000);
  };
  return { decoding: await epochRate(0), cached: await epochRate(1) };
}

export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      backends: { type: 'string' },
      steps: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '100' },
      batch: { type: 'string', default: '32' },
      'large-steps': { type: 'string', default: '2' },
      'large-batch': { type: 'string', default: '1' },
      'no-large': { type: 'boolean', default: false },
      'large-on-cpu': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'profile-shapes': { type: 'boolean', default: false },
      workers: { type: 'string', default: String(os.availableParallelism()) },
      pytorch: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '0' },
    },
  });
  const warmup = Number(values.warmup);
  if (!(Number.isSafeInteger(warmup) && warmup >= 1)) throw new Error(`--warmup ${values.warmup}: expected a positive integer`);
  const rounds = Number(values.rounds);
  if (!(Number.isSafeInteger(rounds) && rounds >= 0)) throw new Error(`--rounds ${values.rounds}: expected a whole number`);
  const workers = Number(values.workers);
  if (!(Number.isSafeInteger(workers) && workers >= 1)) throw new Error(`--workers ${values.workers}: expected a positive integer`);
  const report = await selectBackend();
  // By default every backend that loads here, but not a software WebGPU adapter (name it to time it).
  const present = report.backends.filter((b) => b.available && !b.gpu?.software && !(b.reason ?? '').startsWith('installed, not loaded')).map((b) => b.name);
  const named = values.backends ? values.backends.split(',') : present;
  const bad = named.find((name) => !isBackendName(name));
  if (bad) throw new Error(`--backends: unknown backend '${bad}'`);
  const wanted: BackendName[] = [];
  for (const name of named as BackendName[]) {
    const loaded = await selectBackend({ backend: name }).then(
      () => true,
      (error: unknown) => console.log(`${name}: unavailable — ${error instanceof Error ? error.message : String(error)}`),
    );
    if (loaded) wanted.push(name);
  }
  // The pure-JS backend is 30–40× slower than wasm: one small step tells its rate.
  const slow = (backend: BackendName): boolean => backend === 'cpu';
  const cases = (backend: BackendName): Case[] => [
    {
      name: 'small preset 75×75',
      build: () => buildPreset('inception-v4', { width: 0.25, repeats: [1, 1, 1], input: 75, classes: 10 }),
      classes: 10,
      batch: slow(backend) ? Math.min(4, Number(values.batch)) : Number(values.batch),
      steps: slow(backend) ? 1 : Number(values.steps),
      warmup: slow(backend) ? 1 : warmup,
    },
    ...(values['no-large'] || (slow(backend) && !values['large-on-cpu'])
      ? []
      : [{ name: 'inception-v4 299×299', build: () => buildPreset('inception-v4', { input: 299, classes: 1000 }), classes: 1000, batch: Number(values['large-batch']), steps: Number(values['large-steps']), warmup: 1 }]),
  ];
  console.log(`training throughput (tfjs ${tf.version.tfjs}); backends: ${wanted.join(', ')}`);
  for (const backend of wanted) {
    const active = await selectBackend({ backend });
    const byShape = values['profile-shapes'];
    const profiling = values.profile || byShape ? { backend: tf.getBackend(), byShape } : null;
    for (const item of cases(backend)) {
      const result = await trainRate(item, profiling);
      console.log(
        `${backend.padEnd(14)} ${item.name.padEnd(22)} batch ${String(item.batch).padStart(2)}: ${result.imagesPerSecond.toFixed(2).padStart(8)} img/s  ${result.secondsPerStep.toFixed(3)} s/step  (${active.device})`,
      );
      console.log([...result.phases, freeCoresLine(result)].join('\n'));
      if (result.profile) console.log(`kernel self time over ${item.steps} step(s), slowest first:\n${result.profile}`);
      let best = result.imagesPerSecond;
      if (backend === 'wasm' && workers >= 2) {
        // Timed right after the single thread, so the ratio compares runs under the same load.
        const parallel = await trainRate(item, profiling, workers);
        console.log(
          `${`wasm × ${workers}`.padEnd(14)} ${item.name.padEnd(22)} batch ${String(item.batch).padStart(2)}: ${parallel.imagesPerSecond.toFixed(2).padStart(8)} img/s  ${parallel.secondsPerStep.toFixed(3)} s/step  ${(parallel.imagesPerSecond / result.imagesPerSecond).toFixed(2)}× one thread`,
        );
        console.log([...parallel.phases, freeCoresLine(parallel, result)].join('\n'));
        if (parallel.profile) console.log(`kernel self time on the main thread (replica 0), slowest first:\n${parallel.profile}`);
        console.log(await shareContention(item, workers, parallel.ownShare));
        best = Math.max(best, parallel.imagesPerSecond);
      }
      if (values.pytorch && backend === 'wasm' && item.name.startsWith('small')) {
        console.log(await pytorchLines(item, best));
        if (rounds > 0) console.log(await alternatingRatios(item, workers, rounds));
      }
    }
  }
  for (const size of [75, 299]) {
    const rates = await pipelineRates(size, 640);
    console.log(`data pipeline (bundled Fashion-MNIST to ${size}×${size}): decode + crop + flip ${rates.decoding.toFixed(0)} img/s; crop + flip from the image cache ${rates.cached.toFixed(0)} img/s`);
  }
}
