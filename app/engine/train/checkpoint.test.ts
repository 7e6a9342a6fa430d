import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../node/testing/tempDir';
import { digestFiles } from '../../node/modelDir/fileDigests';
import { MODEL_FILES } from '../../node/modelDir/format';
import { findCheckpoint } from './checkpoint';
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

/** A checkpoint folder as the trainer leaves it: files, then metadata with their checksums and the step. */
async function fakeCheckpoint(folder: string, globalStep: number, options: { complete?: boolean } = {}): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, MODEL_FILES.weights), new Uint8Array(64).fill(globalStep));
  if (options.complete === false) return;
  const files = await digestFiles(folder, [MODEL_FILES.weights]);
  await writeFile(join(folder, MODEL_FILES.metadata), JSON.stringify({ format: 'inception-studio/model', version: 1, createdAt: `2024-01-01T00:00:0${globalStep % 10}Z`, training: { globalStep }, files }));
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
});
