import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../node/testing/tempDir';
import { digestFiles } from '../../node/modelDir/fileDigests';
import { MODEL_FILES } from '../../node/modelDir/format';
import { chain, type NodeRow } from '../../analysis/testing/designs';
import { resolveTrainConfig } from '../../training/defaults';
import { findCheckpoint, loadResumableCheckpoint, restoreModelWeights, saveBestModel, saveResumableCheckpoint, type CheckpointSource } from './checkpoint';
import { createOptimizer, createWeightAverage, initialiseLikeTf1 } from './optimizer';
import { prepareModel } from './prepareModel';
import { trainableModel } from './trainStep';
import { encodeTensorBundle, loadTensorBundle } from './tensorBundle';

const dir = useTempDir('checkpoint');

async function writeBundle(folder: string, name: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const a = tf.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
  const b = tf.tensor([7, 8, 9, 10], [4], 'int32');
  for (const [file, content] of Object.entries(await encodeTensorBundle(name, [{ name: 'a', tensor: a }, { name: 'b', tensor: b }]))) await writeFile(join(folder, file), content);
  tf.dispose([a, b]);
}

describe('tensor bundles', () => {
  it('load back what was saved', async () => {
    const folder = join(dir(), 'roundtrip');
    await writeBundle(folder, 'bundle');
    const loaded = await loadTensorBundle(folder, 'bundle');
    expect(loaded.map((t) => [t.name, t.tensor.shape, t.tensor.dtype, [...t.tensor.dataSync()]])).toEqual([
      ['a', [2, 3], 'float32', [1, 2, 3, 4, 5, 6]],
      ['b', [4], 'int32', [7, 8, 9, 10]],
    ]);
    tf.dispose(loaded.map((t) => t.tensor));
  });

  it('refuse a truncated values file, naming it, instead of filling zeros', async () => {
    const folder = join(dir(), 'truncated');
    await writeBundle(folder, 'bundle');
    const bin = await readFile(join(folder, 'bundle.bin'));
    await writeFile(join(folder, 'bundle.bin'), bin.subarray(0, bin.length - 4));
    await expect(loadTensorBundle(folder, 'bundle')).rejects.toThrow(/bundle\.bin: 36 bytes, bundle\.json describes 40/);
  });

  it('refuse a manifest with a bad offset, shape or type, naming it', async () => {
    const folder = join(dir(), 'manifest');
    await writeBundle(folder, 'bundle');
    const manifest = JSON.parse(await readFile(join(folder, 'bundle.json'), 'utf8'));
    const cases: [unknown, RegExp][] = [
      [[manifest[0], { ...manifest[1], offset: 12 }], /bundle\.json: tensor 'b' starts at byte 12; expected 24/],
      [[{ ...manifest[0], shape: [2, -3] }, manifest[1]], /bundle\.json: tensor 'a' has shape \[2,-3\]: expected whole numbers ≥ 0/],
      [[{ ...manifest[0], dtype: 'complex64' }, manifest[1]], /bundle\.json: tensor 'a' has dtype "complex64"/],
      [{ not: 'a list' }, /bundle\.json: should be a list of tensors/],
    ];
    for (const [broken, message] of cases) {
      await writeFile(join(folder, 'bundle.json'), JSON.stringify(broken));
      await expect(loadTensorBundle(folder, 'bundle')).rejects.toThrow(message);
    }
    await writeFile(join(folder, 'bundle.json'), '[{"name": ');
    await expect(loadTensorBundle(folder, 'bundle')).rejects.toThrow(/bundle\.json: not valid JSON/);
  });

  it('refuse values that are not finite numbers', async () => {
    const folder = join(dir(), 'nan');
    await writeBundle(folder, 'bundle');
    const bin = await readFile(join(folder, 'bundle.bin'));
    bin.writeFloatLE(Number.NaN, 8);
    await writeFile(join(folder, 'bundle.bin'), bin);
    await expect(loadTensorBundle(folder, 'bundle')).rejects.toThrow(/bundle\.bin: tensor 'a' holds values that are not finite numbers/);
  });
});

interface FakeOptions {
  complete?: boolean;
  /** Metadata's `createdAt`; null leaves it out. */
  createdAt?: string | null;
  /** Metadata's `training` record; default `{ globalStep }`. */
  training?: unknown;
  /** False leaves out the checksums, as older checkpoints did. */
  digests?: boolean;
}

/** A checkpoint folder as the trainer leaves it: files, then metadata with their checksums and the step. */
async function fakeCheckpoint(folder: string, globalStep: number, options: FakeOptions = {}): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, MODEL_FILES.weights), new Uint8Array(64).fill(globalStep));
  if (options.complete === false) return;
  const files = options.digests === false ? undefined : await digestFiles(folder, [MODEL_FILES.weights]);
  const createdAt = options.createdAt === undefined ? `2024-01-01T00:00:0${globalStep % 10}Z` : (options.createdAt ?? undefined);
  await writeFile(join(folder, MODEL_FILES.metadata), JSON.stringify({ format: 'inception-studio/model', version: 1, createdAt, training: options.training ?? { globalStep }, files }));
}

describe('findCheckpoint', () => {
  it('takes the newest whole checkpoint among last and what crashed saves left beside it', async () => {
    const runs = join(dir(), 'newest');
    const last = join(runs, 'last');
    await fakeCheckpoint(last, 8);
    await fakeCheckpoint(`${last}.old-1-000000aa`, 6);
    await fakeCheckpoint(`${last}.tmp-2-000000bb`, 9);
    await fakeCheckpoint(`${last}.tmp-3-000000cc`, 10, { complete: false });
    expect(await findCheckpoint(last)).toBe(`${last}.tmp-2-000000bb`);
  });

  it('passes over a damaged last checkpoint, saying so, to the newest whole one', async () => {
    const runs = join(dir(), 'damaged');
    const last = join(runs, 'last');
    await fakeCheckpoint(last, 8);
    await fakeCheckpoint(`${last}.old-1-000000aa`, 6);
    await writeFile(join(last, MODEL_FILES.weights), new Uint8Array(64).fill(99));
    const warnings: string[] = [];
    expect(await findCheckpoint(last, (warning) => warnings.push(warning))).toBe(`${last}.old-1-000000aa`);
    expect(warnings).toEqual([expect.stringMatching(/last', weights\.bin: its checksum does not match.*; using .*last\.old-1-000000aa instead/)]);
  });

  it('refuses when every checkpoint is damaged, naming the file; null when there is none', async () => {
    const runs = join(dir(), 'all-damaged');
    const last = join(runs, 'last');
    await fakeCheckpoint(last, 8);
    await writeFile(join(last, MODEL_FILES.weights), new Uint8Array(10));
    await expect(findCheckpoint(last)).rejects.toThrow(/No whole checkpoint to resume from: .*last', weights\.bin: truncated: 10 bytes, metadata\.json records 64/);
    expect(await findCheckpoint(join(dir(), 'nothing', 'last'))).toBeNull();
  });

  it('breaks a tie in steps by the newer save, and ranks a checkpoint without a step below step 0', async () => {
    const runs = join(dir(), 'ties');
    const last = join(runs, 'last');
    await fakeCheckpoint(last, 4, { createdAt: '2024-01-01T00:00:01Z' });
    await fakeCheckpoint(`${last}.old-1-000000aa`, 4, { createdAt: '2024-01-01T00:00:02Z' });
    expect(await findCheckpoint(last)).toBe(`${last}.old-1-000000aa`);

    const undated = join(dir(), 'undated', 'last');
    await fakeCheckpoint(undated, 4, { createdAt: null });
    await fakeCheckpoint(`${undated}.old-1-000000aa`, 4, { createdAt: '2024-01-01T00:00:02Z' });
    expect(await findCheckpoint(undated)).toBe(`${undated}.old-1-000000aa`);

    const stepless = join(dir(), 'stepless', 'last');
    await fakeCheckpoint(stepless, 3, { training: { epoch: 1, valTop1: 0.5 }, createdAt: '2024-01-01T00:00:09Z' });
    await fakeCheckpoint(`${stepless}.old-1-000000aa`, 0, { createdAt: '2024-01-01T00:00:01Z' });
    expect(await findCheckpoint(stepless)).toBe(`${stepless}.old-1-000000aa`);
  });

  it('takes a checkpoint whose metadata records no checksums as whole', async () => {
    const last = join(dir(), 'older', 'last');
    await fakeCheckpoint(last, 5, { digests: false });
    expect(await findCheckpoint(last)).toBe(last);
  });

  it('names unreadable metadata, and lists every damaged checkpoint when none is whole', async () => {
    const last = join(dir(), 'unreadable', 'last');
    await fakeCheckpoint(last, 5);
    await mkdir(`${last}.old-1-000000aa`);
    await writeFile(join(`${last}.old-1-000000aa`, MODEL_FILES.metadata), '{');
    const warnings: string[] = [];
    expect(await findCheckpoint(last, (warning) => warnings.push(warning))).toBe(last);
    expect(warnings).toEqual([expect.stringMatching(/last\.old-1-000000aa', metadata\.json: not valid JSON \(.+\); using .*last instead$/)]);

    await writeFile(join(last, MODEL_FILES.weights), new Uint8Array(10));
    const error = await findCheckpoint(last).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/No whole checkpoint to resume from: .*last', weights\.bin: truncated: 10 bytes, metadata\.json records 64; .*last\.old-1-000000aa', metadata\.json: not valid JSON/);
  });
});

/** A tiny classifier with an optimizer whose slots exist, and an average three updates old. */
async function trainable(options: { units?: number; extraConv?: boolean; average?: boolean; seed?: number } = {}): Promise<CheckpointSource> {
  await tf.setBackend('cpu');
  const conv: NodeRow = ['conv', 'conv2d', { filters: 4, kernel: [3, 3], padding: 'same' }];
  const rows: NodeRow[] = [conv, ...(options.extraConv ? [['conv2', 'conv2d', { filters: 4, kernel: [1, 1] }] as NodeRow] : []), ['pool', 'globalAvgPool'], ['logits', 'dense', { units: options.units ?? 2 }], ['softmax', 'softmax']];
  const classNames = Array.from({ length: options.units ?? 2 }, (_, i) => `c${i}`);
  const prepared = prepareModel(chain(rows, [8, 8, 3]), classNames, options.seed ?? 1);
  const net = trainableModel(prepared.model, classNames.length);
  const config = resolveTrainConfig({ optimizer: 'rmsprop' });
  const optimizer = createOptimizer(config);
  await initialiseLikeTf1(optimizer, config, net.variables);
  const average = options.average === false ? null : createWeightAverage(net.variables, 0.5);
  for (const v of net.variables) v.assign(v.add(1));
  for (let i = 0; i < 3; i++) average?.update();
  return { net, optimizer, average, document: prepared.document, classNames };
}

function dispose(source: CheckpointSource): void {
  source.average?.dispose();
  source.optimizer.dispose();
  source.net.model.dispose();
}

const valuesOf = (tensors: readonly { tensor: tf.Tensor }[]): number[][] => tensors.map((t) => [...t.tensor.dataSync()]);
const state = { epoch: 2, batchInEpoch: 3, globalStep: 11, bestValTop1: 0.75 };

describe('resumable checkpoints', () => {
  it('carry the trained weights, the optimizer slots, the averages and the position', async () => {
    const source = await trainable();
    const folder = join(dir(), 'resumable');
    await saveResumableCheckpoint(folder, source, state);
    const loaded = await loadResumableCheckpoint(folder);
    expect(loaded.dir).toBe(folder);
    expect(loaded.state).toEqual(state);
    expect(loaded.averageUpdates).toBe(3);
    expect(loaded.weights.map((w) => w.name)).toEqual(source.net.model.weights.map((w) => w.originalName));
    expect(valuesOf(loaded.weights)).toEqual(source.net.model.weights.map((w) => [...w.read().dataSync()]));
    const slots = await source.optimizer.getWeights();
    expect(slots.length).toBeGreaterThan(1);
    expect(loaded.optimizer.map((w) => w.name)).toEqual(slots.map((w) => w.name));
    expect(valuesOf(loaded.optimizer)).toEqual(valuesOf(slots));
    expect(loaded.averages.map((a) => a.name)).toEqual(source.net.variables.map((v) => v.name));
    expect(valuesOf(loaded.averages)).toEqual(source.average?.averages.map((a) => [...a.dataSync()]));

    const other = await trainable({ seed: 2 });
    restoreModelWeights(other.net, loaded);
    expect(other.net.model.weights.map((w) => [...w.read().dataSync()])).toEqual(valuesOf(loaded.weights));
    tf.dispose([...loaded.weights, ...loaded.optimizer, ...loaded.averages, ...slots].map((t) => t.tensor));
    dispose(source);
    dispose(other);
  });

  it('record no averages, and zero updates, for a run without them', async () => {
    const source = await trainable({ average: false });
    const folder = join(dir(), 'plain');
    await saveResumableCheckpoint(folder, source, state);
    const loaded = await loadResumableCheckpoint(folder);
    expect(loaded.averages).toEqual([]);
    expect(loaded.averageUpdates).toBe(0);
    tf.dispose([...loaded.weights, ...loaded.optimizer].map((t) => t.tensor));
    dispose(source);
  });

  it('are not what a best model is: that one holds no trainer state', async () => {
    const source = await trainable();
    const folder = join(dir(), 'best');
    await saveBestModel(folder, source, { epoch: 4, valTop1: 0.5 });
    const metadata = JSON.parse(await readFile(join(folder, MODEL_FILES.metadata), 'utf8')) as { training: unknown };
    expect(metadata.training).toEqual({ epoch: 4, valTop1: 0.5 });
    await expect(loadResumableCheckpoint(folder)).rejects.toThrow(`${folder} is not a resumable checkpoint (no trainer state in metadata.json).`);
    dispose(source);
  });

  it('refuse to restore into a network of other layers or sizes', async () => {
    const source = await trainable();
    const folder = join(dir(), 'misfit');
    await saveResumableCheckpoint(folder, source, state);
    const loaded = await loadResumableCheckpoint(folder);
    for (const options of [{ units: 3 }, { extraConv: true }]) {
      const other = await trainable(options);
      expect(() => restoreModelWeights(other.net, loaded)).toThrow(`The checkpoint in ${folder} does not fit this network (different layers or sizes).`);
      dispose(other);
    }
    // Every weight the network has matches in order, but the checkpoint holds one more.
    const other = await trainable();
    const longer = { ...loaded, weights: [...loaded.weights, { name: 'extra/kernel', tensor: tf.zeros([1]) }] };
    expect(() => restoreModelWeights(other.net, longer)).toThrow(`The checkpoint in ${folder} does not fit this network (different layers or sizes).`);
    dispose(other);
    tf.dispose([...longer.weights, ...loaded.optimizer, ...loaded.averages].map((t) => t.tensor));
    dispose(source);
  });
});
