import * as tf from '@tensorflow/tfjs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { chain, type NodeRow } from '../../analysis/testing/designs';
import type { BackendReport } from '../../protocol';
import type { BackendName } from '../../compute/backends';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';
import { runPaths } from '../../node/runs/runRecord';
import { DatasetError } from '../data/types';
import { writeSyntheticDataset } from '../data/syntheticDataset';
import { DesignErrorsError } from '../compile';
import { useTestFolder } from '../testing/testFolders';
import { saveResumableCheckpoint } from './checkpoint';
import { openRun, type OpenedRun } from './openRun';

const folder = useTestFolder('open-run-', { classes: 2, perClass: 4, size: 80 });
const conv: NodeRow = ['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'same' }];
/** 8×8×3 → conv → pool → a `units` classifier → softmax: a model built in milliseconds. */
const tinyDesign = (units: number, input: [number, number, number] = [8, 8, 3]): string =>
  serializeDesign(chain([conv, ['pool', 'globalAvgPool'], ['logits', 'dense', { units }], ['softmax', 'softmax']], input));
const design = tinyDesign(2);

// The backend openRun is told of is a stub; the model is built on the plain JavaScript one.
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const backendOf = (active: BackendName) => (): Promise<BackendReport> => Promise.resolve({ active, device: 'test', backends: [] });

interface Opened {
  run: OpenedRun;
  events: TrainEvent[];
  folderReady: number;
}

async function open(request: Partial<TrainerStartRequest> & { runDir: string }, active: BackendName = 'cpu'): Promise<Opened> {
  const events: TrainEvent[] = [];
  let folderReady = 0;
  const run = await openRun({ design, data: folder.data, config: {}, ...request }, (e) => events.push(e), () => folderReady++, backendOf(active));
  return { run, events, folderReady };
}

function close(run: OpenedRun): void {
  run.average?.dispose();
  run.optimizer.dispose();
  run.net.model.dispose();
}

const logs = (events: readonly TrainEvent[], level: string): string[] => events.flatMap((e) => (e.type === 'log' && e.level === level ? [e.message] : []));

async function refusal(request: Partial<TrainerStartRequest> & { runDir: string }): Promise<{ error: unknown; folderReady: number }> {
  let folderReady = 0;
  const error = await openRun({ design, data: folder.data, config: {}, ...request }, () => {}, () => folderReady++, backendOf('cpu')).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, folderReady };
}

describe('openRun on a new run', () => {
  it('writes a record with the defaults, the resolved paths and only the optional fields given', async () => {
    const runDir = join(folder.root, 'fresh');
    const { run, events, folderReady } = await open({ runDir, config: { validationSplit: 0.25 } });
    expect(folderReady).toBe(1);
    expect(run.record).toMatchObject({ runId: 'fresh', designName: run.document.name, data: folder.data, classNames: ['class0', 'class1'], workers: 1, version: 1 });
    for (const absent of ['designFile', 'validation', 'backend']) expect(run.record).not.toHaveProperty(absent);
    expect(run.record.config).toEqual(run.config);
    expect(run.config).toMatchObject({ validationSplit: 0.25, seed: 1, emaDecay: 0.9999 });
    const written = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ runId: 'fresh', data: folder.data, workers: 1 });
    expect(run.state).toEqual({ epoch: 0, batchInEpoch: 0, globalStep: 0, bestValTop1: null });
    expect(run).not.toHaveProperty('resumedFrom');
    expect(run.checkpoint).toBeNull();
    expect(run.workers).toBe(1);
    expect(run.backend.active).toBe('cpu');
    expect(run.average?.updateCount).toBe(0);
    // One of the 4 images of each class is held out for validation.
    expect(run.train.indices).toHaveLength(6);
    expect(run.validation?.indices).toHaveLength(2);
    expect(run.validation?.dataset).toBe(run.train.dataset);
    expect(logs(events, 'info')).toEqual([]);
    expect(logs(events, 'warning')).toEqual([]);
    close(run);
  });

  it('keeps the optional fields a request gives, and the run id it names', async () => {
    const runDir = join(folder.root, 'named');
    const { run, events } = await open({ runDir, runId: 'my-run', design: tinyDesign(3), designFile: '/designs/net.json', backend: 'cpu', validation: folder.data });
    expect(logs(events, 'info')).toEqual(["The classifier was resized from 3 to 2 outputs to match the dataset's classes."]);
    expect(run.record).toMatchObject({ runId: 'my-run', designFile: '/designs/net.json', backend: 'cpu', validation: folder.data, data: folder.data });
    close(run);
  });

  it('reports the scan of each dataset with its progress in images', async () => {
    const { run, events } = await open({ runDir: join(folder.root, 'scans'), validation: folder.data });
    expect(events.filter((e) => e.type === 'scan')).toHaveLength(2);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.every((e) => e.type === 'progress' && e.task === 'scan' && e.unit === 'images')).toBe(true);
    // Each scan reports its end: all 8 images checked.
    expect(progress.filter((e) => e.type === 'progress' && e.done === 8 && e.total === 8)).toHaveLength(2);
    // A separate validation set is used whole, and so is the training set.
    expect(run.train.indices).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(run.validation?.indices).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(run.validation?.dataset).not.toBe(run.train.dataset);
    close(run);
  });

  it('has no validation set when the split holds out no image', async () => {
    const { run } = await open({ runDir: join(folder.root, 'no-split'), config: { validationSplit: 0 } });
    expect(run.validation).toBeNull();
    expect(run.train.indices).toHaveLength(8);
    close(run);
  });

  it('keeps no moving average when emaDecay is 0', async () => {
    const { run } = await open({ runDir: join(folder.root, 'no-ema'), config: { emaDecay: 0 } });
    expect(run.average).toBeNull();
    close(run);
  });

  it('says why more workers than one are not used off wasm, and uses them on wasm', async () => {
    const cpu = await open({ runDir: join(folder.root, 'workers-cpu'), workers: 4 });
    expect(cpu.run.workers).toBe(1);
    expect(logs(cpu.events, 'info')).toEqual(['4 workers asked for: only the wasm backend trains replicas; cpu trains as one instance.']);
    close(cpu.run);
    const one = await open({ runDir: join(folder.root, 'workers-one'), workers: 1 });
    expect(logs(one.events, 'info')).toEqual([]);
    close(one.run);
    const wasm = await open({ runDir: join(folder.root, 'workers-wasm'), workers: 2 }, 'wasm');
    expect(wasm.run.workers).toBe(2);
    expect(wasm.run.record.workers).toBe(2);
    expect(logs(wasm.events, 'info')).toEqual([]);
    close(wasm.run);
  });
});

describe('openRun refuses, before it makes the run folder', () => {
  it('a dataset where only one class has images, naming the folder', async () => {
    const data = join(folder.root, 'one-filled');
    await writeSyntheticDataset(data, { classes: 1, perClass: 2, size: 80 });
    await mkdir(join(data, 'empty'));
    const { error, folderReady } = await refusal({ runDir: join(folder.root, 'one-filled-run'), data });
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe(`Training needs images of at least 2 classes; in ${data} only 1 class has readable images.`);
    expect(folderReady).toBe(0);
  });

  it('a validation set whose classes differ from the training classes, listing both', async () => {
    const validation = join(folder.root, 'three-classes');
    await writeSyntheticDataset(validation, { classes: 3, perClass: 1, size: 80 });
    const { error, folderReady } = await refusal({ runDir: join(folder.root, 'mismatch-run'), validation });
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe('The validation classes (class0, class1, class2) differ from the training classes (class0, class1).');
    expect(folderReady).toBe(0);
  });

  it('validation classes that differ only where the names join', async () => {
    const images = (await writeSyntheticDataset(join(folder.root, 'joined-images'), { classes: 1, perClass: 1, size: 80 }))[0];
    const classes = async (root: string, names: string[]): Promise<void> => {
      for (const name of names) {
        await mkdir(join(root, name), { recursive: true });
        await copyFile(images[0], join(root, name, 'image.png'));
      }
    };
    const data = join(folder.root, 'joined-train');
    const validation = join(folder.root, 'joined-validation');
    await classes(data, ['ab', 'c']);
    await classes(validation, ['a', 'bc']);
    const { error } = await refusal({ runDir: join(folder.root, 'joined-run'), data, validation });
    expect((error as Error).message).toBe('The validation classes (a, bc) differ from the training classes (ab, c).');
  });

  it('a design with errors', async () => {
    // A 3×3 valid convolution does not fit a 2×2 input.
    const broken = serializeDesign(chain([['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'valid' }], ['pool', 'globalAvgPool'], ['logits', 'dense', { units: 2 }], ['softmax', 'softmax']], [2, 2, 3]));
    const { error, folderReady } = await refusal({ runDir: join(folder.root, 'broken-run'), design: broken });
    expect(error).toBeInstanceOf(DesignErrorsError);
    expect(folderReady).toBe(0);
  });

  it('a design with errors before any dataset is scanned or backend started', async () => {
    // Cheapest check first: a broken design is named even when the dataset folder is missing too.
    const broken = serializeDesign(chain([['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'valid' }], ['pool', 'globalAvgPool'], ['logits', 'dense', { units: 2 }], ['softmax', 'softmax']], [2, 2, 3]));
    const events: TrainEvent[] = [];
    let backends = 0;
    const error = await openRun(
      { design: broken, data: join(folder.root, 'no-such-folder'), config: {}, runDir: join(folder.root, 'broken-first') },
      (e) => events.push(e),
      () => undefined,
      () => {
        backends++;
        return backendOf('cpu')();
      },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DesignErrorsError);
    expect((error as Error).message).toBe("Design 'test' has 1 error and cannot be built:\n  conv: Convolution conv (3×3 valid) on a 2×2 grid leaves 0×0: floor((2 − 3) / 1) + 1 = 0.");
    expect(events).toEqual([]);
    expect(backends).toBe(0);
  });
});

/** A new run in `runDir`, with a resumable checkpoint at `state` unless `checkpoint` is false. */
async function startedRun(runDir: string, request: Partial<TrainerStartRequest>, checkpoint = true, active: BackendName = 'cpu'): Promise<tf.Tensor[]> {
  const { run } = await open({ runDir, ...request }, active);
  const weights = run.net.model.weights.map((w) => w.read().add(1));
  run.net.model.setWeights(weights);
  if (run.average) for (let i = 0; i < 3; i++) run.average.update();
  if (checkpoint) await saveResumableCheckpoint(runPaths(runDir).last, { ...run, classNames: run.train.dataset.classNames }, { epoch: 2, batchInEpoch: 1, globalStep: 9, bestValTop1: 0.5 });
  close(run);
  return weights;
}

describe('openRun resuming a run', () => {
  it('continues from the checkpoint: weights, position, averages and the settings the run had', async () => {
    const runDir = join(folder.root, 'resume');
    const weights = await startedRun(runDir, { config: { learningRate: 0.05 } });
    const { run, events, folderReady } = await open({ runDir, resume: true, data: undefined });
    expect(folderReady).toBe(1);
    expect(run.config.learningRate).toBe(0.05);
    expect(run.checkpoint).toBe(runPaths(runDir).last);
    expect(run.state).toEqual({ epoch: 2, batchInEpoch: 1, globalStep: 9, bestValTop1: 0.5 });
    expect(run.resumedFrom).toEqual({ epoch: 3, step: 1 });
    expect(run.average?.updateCount).toBe(3);
    const restored = run.net.model.weights.map((w) => [...w.read().dataSync()]);
    expect(restored).toEqual(weights.map((w) => [...w.dataSync()]));
    expect(logs(events, 'warning')).toEqual([]);
    expect(logs(events, 'info')).toEqual([]);
    tf.dispose(weights);
    close(run);
  });

  it('keeps no tensor of the checkpoint once the model, optimizer and averages hold its values', async () => {
    const runDir = join(folder.root, 'resume-tensors');
    tf.dispose(await startedRun(runDir, {}));
    const leftAfter = async (request: Partial<TrainerStartRequest> & { runDir: string }): Promise<number> => {
      const before = tf.memory().numTensors;
      close((await open(request)).run);
      return tf.memory().numTensors - before;
    };
    expect(await leftAfter({ runDir, resume: true })).toBe(await leftAfter({ runDir: join(folder.root, 'resume-tensors-fresh') }));
  });

  it('starts averaging afresh when the checkpoint had none, and keeps none when emaDecay is now 0', async () => {
    const runDir = join(folder.root, 'resume-ema');
    const weights = await startedRun(runDir, { config: { emaDecay: 0 } });
    const averaged = await open({ runDir, resume: true, config: { emaDecay: 0.9 } });
    expect(averaged.run.average?.updateCount).toBe(0);
    expect(averaged.run.average?.averages.map((a) => [...a.dataSync()])).toEqual(averaged.run.net.variables.map((v) => [...v.dataSync()]));
    close(averaged.run);
    const plain = await open({ runDir: join(folder.root, 'resume-ema'), resume: true, config: { emaDecay: 0 } });
    expect(plain.run.average).toBeNull();
    close(plain.run);
    tf.dispose(weights);
  });

  it('starts from the beginning, with a warning, when the run has no checkpoint yet', async () => {
    const runDir = join(folder.root, 'resume-empty');
    tf.dispose(await startedRun(runDir, {}, false));
    const { run, events } = await open({ runDir, resume: true });
    expect(logs(events, 'warning')).toEqual([`No checkpoint in ${runDir} yet; starting the run from the beginning.`]);
    expect(run.checkpoint).toBeNull();
    expect(run).not.toHaveProperty('resumedFrom');
    expect(run.state.globalStep).toBe(0);
    expect(run.average?.updateCount).toBe(0);
    close(run);
  });

  it('passes on the warning about a damaged leftover beside the checkpoint it uses', async () => {
    const runDir = join(folder.root, 'resume-damaged');
    tf.dispose(await startedRun(runDir, {}));
    const leftover = `${runPaths(runDir).last}.old-1-0123abcd`;
    await mkdir(leftover);
    await writeFile(join(leftover, 'metadata.json'), '{');
    const { run, events } = await open({ runDir, resume: true });
    expect(run.checkpoint).toBe(runPaths(runDir).last);
    const [warning, ...more] = logs(events, 'warning');
    expect(more).toEqual([]);
    expect(warning).toContain(leftover);
    expect(warning).toContain(`using ${runPaths(runDir).last} instead`);
    close(run);
  });

  it('says how the batch is now shared when the worker count changes', async () => {
    const runDir = join(folder.root, 'resume-workers');
    tf.dispose(await startedRun(runDir, {}));
    const more = await open({ runDir, resume: true, workers: 2 }, 'wasm');
    expect(more.run.record.workers).toBe(2);
    expect(logs(more.events, 'info')).toEqual([
      "Resuming with 2 workers; the run trained with 1 until now. Weights, optimizer state and data order continue exactly; each step's batch is now shared by 2, so batch-norm statistics come from shares of 1/2 of it.",
    ]);
    close(more.run);
    const fewer = await open({ runDir, resume: true, workers: 1 }, 'wasm');
    expect(logs(fewer.events, 'info')).toEqual([
      "Resuming with 1 worker; the run trained with 2 until now. Weights, optimizer state and data order continue exactly; each step's batch is now shared by 1, so batch-norm statistics come from shares of the whole batch.",
    ]);
    close(fewer.run);
  });

  it('takes a record without a worker count for one worker', async () => {
    const runDir = join(folder.root, 'resume-old-record');
    tf.dispose(await startedRun(runDir, {}));
    const path = join(runDir, 'run.json');
    const { workers: _workers, ...older } = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify(older));
    const same = await open({ runDir, resume: true });
    expect(logs(same.events, 'info')).toEqual([]);
    close(same.run);
    await writeFile(path, JSON.stringify(older));
    const two = await open({ runDir, resume: true, workers: 2 }, 'wasm');
    expect(logs(two.events, 'info')[0]).toMatch(/^Resuming with 2 workers; the run trained with 1 until now\./);
    close(two.run);
  });
});
