import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../node/testing/tempDir';
import { encodeTensorBundle, loadTensorBundle, TensorBundleError, type NamedTensor } from './tensorBundle';

const dir = useTempDir('tensor-bundle');

async function write(folder: string, tensors: NamedTensor[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [file, content] of Object.entries(await encodeTensorBundle('bundle', tensors))) await writeFile(join(folder, file), content);
}

const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as Error,
  );

describe('tensor bundles', () => {
  it('keep empty tensors and whole numbers, end to end', async () => {
    const folder = join(dir(), 'edges');
    const tensors = [
      { name: 'empty', tensor: tf.zeros([2, 0]) },
      { name: 'ints', tensor: tf.tensor([-2147483648, 0, 2147483647], [3], 'int32') },
      { name: 'scalar', tensor: tf.scalar(1.5) },
    ];
    await write(folder, tensors);
    const loaded = await loadTensorBundle(folder, 'bundle');
    expect(loaded.map((t) => [t.name, t.tensor.shape, t.tensor.dtype, [...t.tensor.dataSync()]])).toEqual([
      ['empty', [2, 0], 'float32', []],
      ['ints', [3], 'int32', [-2147483648, 0, 2147483647]],
      ['scalar', [], 'float32', [1.5]],
    ]);
    expect(JSON.parse(await readFile(join(folder, 'bundle.json'), 'utf8'))).toEqual([
      { name: 'empty', shape: [2, 0], dtype: 'float32', offset: 0 },
      { name: 'ints', shape: [3], dtype: 'int32', offset: 0 },
      { name: 'scalar', shape: [], dtype: 'float32', offset: 12 },
    ]);
    tf.dispose([...tensors, ...loaded].map((t) => t.tensor));
  });

  it('refuse to save a tensor of another dtype, naming it', async () => {
    const flag = tf.tensor([1, 0], [2], 'bool');
    await expect(encodeTensorBundle('bundle', [{ name: 'flag', tensor: flag }])).rejects.toThrow("cannot save tensor 'flag' of dtype bool");
    flag.dispose();
  });

  it('name the missing or unreadable file', async () => {
    const folder = join(dir(), 'missing');
    await mkdir(folder);
    const noManifest = await failure(loadTensorBundle(folder, 'bundle'));
    expect(noManifest).toBeInstanceOf(TensorBundleError);
    expect(noManifest.name).toBe('TensorBundleError');
    expect(noManifest.message).toBe('bundle.json: missing');
    await writeFile(join(folder, 'bundle.json'), '[]');
    expect((await failure(loadTensorBundle(folder, 'bundle'))).message).toBe('bundle.bin: missing');
    const unreadable = join(dir(), 'unreadable');
    await mkdir(join(unreadable, 'bundle.json'), { recursive: true });
    expect((await failure(loadTensorBundle(unreadable, 'bundle'))).message).toMatch(/^bundle\.json: EISDIR/);
  });

  it('refuse a manifest entry without a name', async () => {
    const folder = join(dir(), 'nameless');
    await mkdir(folder);
    await writeFile(join(folder, 'bundle.json'), JSON.stringify([{ shape: [1], dtype: 'float32', offset: 0 }]));
    await writeFile(join(folder, 'bundle.bin'), new Uint8Array(4));
    expect((await failure(loadTensorBundle(folder, 'bundle'))).message).toBe('bundle.json: has a tensor without a name');
  });
});
