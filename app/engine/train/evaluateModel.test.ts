import * as tf from '@tensorflow/tfjs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { writeSyntheticDataset } from '../data/syntheticDataset';
import { DatasetError, type Dataset } from '../data/types';
import { saveModelDir } from '../modelDir/saveModelDir';
import { predictImages } from '../predict';
import { smallDesign } from '../testing/smallDesign';
import { useTestFolder } from '../testing/testFolders';
import { alignLabels, evaluateModelDir } from './evaluateModel';

const folder = useTestFolder('evaluate-model-');
/** The model's outputs: the dataset's classes in another order, and one the dataset lacks. */
const labels = ['class2', 'class0', 'class1', 'extra'];
/** Images per dataset class: class0 has 1, class1 2, class2 3. */
const counts = [1, 2, 3];
const paths = { model: '', data: '' };

beforeAll(async () => {
  await selectBackend({ backend: 'cpu' });
  const images = (await writeSyntheticDataset(join(folder.root, 'images'), { classes: 3, perClass: 3, size: 80 }));
  paths.data = join(folder.root, 'data');
  for (const [c, count] of counts.entries()) {
    await mkdir(join(paths.data, `class${c}`), { recursive: true });
    for (let i = 0; i < count; i++) await copyFile(images[c][i], join(paths.data, `class${c}`, `${i}.png`));
  }
  paths.model = join(folder.root, 'model');
  const design = smallDesign(4);
  const { model } = compileDesign(design, { seed: 3 });
  await saveModelDir(paths.model, { model, design, labels });
  model.dispose();
});

/** The saved model dir with its metadata's input replaced (another copy of the files). */
async function withInput(name: string, input: number[]): Promise<string> {
  const dir = join(folder.root, name);
  await mkdir(dir);
  const metadata = JSON.parse(await readFile(join(paths.model, 'metadata.json'), 'utf8')) as { preprocessing: object; files?: Record<string, unknown> };
  for (const file of Object.keys(metadata.files ?? {})) await copyFile(join(paths.model, file), join(dir, file));
  const [height, width, channels] = input;
  await writeFile(join(dir, 'metadata.json'), JSON.stringify({ ...metadata, input, preprocessing: { ...metadata.preprocessing, height, width, channels } }));
  return dir;
}

describe('evaluateModelDir', () => {
  it('evaluates every image once, counting each class in the row of the model output it names', async () => {
    const scans: unknown[] = [];
    const scanned: [number, number][] = [];
    const evaluated: [number, number][] = [];
    const before = tf.memory().numTensors;
    const report = await evaluateModelDir(paths.model, {
      data: paths.data,
      backend: 'cpu',
      batchSize: 4,
      onScan: (r) => scans.push(r),
      onScanProgress: (done, total) => scanned.push([done, total]),
      onProgress: (done, total) => evaluated.push([done, total]),
    });
    expect(report.backend.active).toBe('cpu');
    expect(report.runtime).toBe('tfjs');
    expect(report.classNames).toEqual(labels);
    expect(report.confusion.map((row) => row.length)).toEqual([4, 4, 4, 4]);
    expect(report.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([3, 1, 2, 0]);
    expect(scans).toHaveLength(1);
    expect(scanned.at(-1)).toEqual([6, 6]);
    expect(evaluated).toEqual([
      [4, 6],
      [6, 6],
    ]);
    expect(tf.memory().numTensors).toBe(before);

    // The images as they are, not augmented: the loss is the mean of what prediction gives the true class.
    const { model } = compileDesign(smallDesign(4), { seed: 3 });
    const images = counts.flatMap((count, c) => Array.from({ length: count }, (_, i) => ({ path: join(paths.data, `class${c}`, `${i}.png`), label: `class${c}` })));
    const predictions = await predictImages(model, images, { top: 4, labels });
    model.dispose();
    const losses = predictions.map((p, i) => -Math.log(p.top.find((t) => t.label === images[i].label)?.probability ?? 0));
    expect(report.loss).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / losses.length, 4);
  });

  it('evaluates a gray model, reading the images with one channel', async () => {
    const colour = smallDesign(4);
    const design = { ...colour, input: { ...colour.input, channels: 1 } };
    const { model } = compileDesign(design, { seed: 3 });
    const dir = join(folder.root, 'gray');
    await saveModelDir(dir, { model, design, labels });
    model.dispose();
    const report = await evaluateModelDir(dir, { data: paths.data, backend: 'cpu' });
    expect(report.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([3, 1, 2, 0]);
  });

  it('refuses a dataset class the model does not know', async () => {
    const data = join(folder.root, 'unknown-class');
    await writeSyntheticDataset(data, { classes: 1, perClass: 1, size: 80 });
    await mkdir(join(data, 'zebra'));
    await copyFile(join(paths.data, 'class0', '0.png'), join(data, 'zebra', '0.png'));
    await expect(evaluateModelDir(paths.model, { data, backend: 'cpu' })).rejects.toThrow("The model does not know the dataset's class 'zebra'; its classes are class2, class0, class1, extra.");
  });

  it.each([
    [[75, 74, 3], '75×74×3'],
    [[74, 75, 3], '74×75×3'],
    [[75, 75, 2], '75×75×2'],
    [[75, 75, 4], '75×75×4'],
  ])('refuses a model whose input is %j, naming it', async (input, named) => {
    const dir = await withInput(`input-${input.join('x')}`, input);
    await expect(evaluateModelDir(dir, { data: paths.data, backend: 'cpu' })).rejects.toThrow(`Evaluation needs a square 1- or 3-channel input; the model takes ${named}.`);
  });
});

describe('alignLabels', () => {
  const dataset = (classNames: string[], labelsOf: number[]): Dataset => ({
    report: { root: '/data', classes: [], skipped: [] } as unknown as Dataset['report'],
    classNames,
    samples: labelsOf.map((label, i) => ({ id: `${i}.png`, label })),
    open: () => {
      throw new Error('not read');
    },
  });

  it("renumbers the samples to the model's outputs by class name", () => {
    const aligned = alignLabels(dataset(['cat', 'dog'], [0, 1, 1, 0]), ['dog', 'bird', 'cat']);
    expect(aligned.samples.map((s) => s.label)).toEqual([2, 0, 0, 2]);
    expect(aligned.classNames).toEqual(['cat', 'dog']);
  });

  it('names every class the model lacks, and at most 20 of its own', () => {
    const many = Array.from({ length: 21 }, (_, i) => `c${i}`);
    const refusal = (classNames: string[], known: string[]): unknown => {
      try {
        alignLabels(dataset(classNames, []), known);
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(refusal(['cat', 'owl', 'emu'], ['cat', 'dog'])).toEqual(new DatasetError("The model does not know the dataset's classes 'owl', 'emu'; its classes are cat, dog."));
    expect(refusal(['cat', 'owl'], many.slice(0, 20))).toEqual(new DatasetError(`The model does not know the dataset's classes 'cat', 'owl'; its classes are ${many.slice(0, 20).join(', ')}.`));
    expect(refusal(['owl'], many)).toEqual(new DatasetError(`The model does not know the dataset's class 'owl'; its classes are ${many.slice(0, 20).join(', ')}, ….`));
    expect(refusal(['c3'], many)).toBeNull();
  });
});
