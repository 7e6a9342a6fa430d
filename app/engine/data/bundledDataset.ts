/**
 * The bundled Fashion-MNIST sample (`assets/fashion-mnist/`, built by
 * `scripts/bundleFashionMnist.ts`): 28×28 grayscale images kept as bytes (about 2.4 MB) and
 * decoded per batch like any other dataset.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { buildScanReport } from '../../training/scanReport';
import { DatasetError, type Dataset, type LabeledSample } from './types';

interface BundledMeta {
  count: number;
  width: number;
  height: number;
  channels: number;
  classNames: string[];
}

const bundledDatasetName = 'fashion-mnist';

/** The asset folder, found by walking up from this file (source tree and packaged app alike). */
function bundledDatasetDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', bundledDatasetName);
    if (existsSync(join(candidate, 'meta.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new DatasetError(`The bundled dataset (assets/${bundledDatasetName}) is missing; run 'npx tsx scripts/bundleFashionMnist.ts'.`);
    dir = parent;
  }
}

export async function loadBundledDataset(inputSize: number, dir = bundledDatasetDir()): Promise<Dataset> {
  const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as BundledMeta;
  const pixels = gunzipSync(await readFile(join(dir, 'images.u8.gz')));
  const labels = await readFile(join(dir, 'labels.u8'));
  const imageBytes = meta.width * meta.height * meta.channels;
  if (pixels.length !== meta.count * imageBytes || labels.length !== meta.count) {
    throw new DatasetError(`The bundled dataset in ${dir} is damaged: expected ${meta.count} images; rebuild it with scripts/bundleFashionMnist.ts.`);
  }
  const samples: LabeledSample[] = Array.from(labels, (label, i) => ({ id: `${bundledDatasetName}#${i}`, label }));
  const counts = meta.classNames.map((_, c) => samples.filter((s) => s.label === c).length);
  const smaller = Math.min(meta.width, meta.height) < inputSize;
  const report = buildScanReport({
    root: dir,
    kind: 'bundled',
    classNames: meta.classNames,
    counts,
    unreadable: [],
    smallerThanInput: smaller ? [{ file: `${bundledDatasetName} (all ${meta.count} images, ${meta.width}×${meta.height})`, problem: `${meta.width}×${meta.height} is smaller than the ${inputSize}×${inputSize} input` }] : [],
    smallerCount: smaller ? meta.count : 0,
    inputSize,
  });
  return {
    report,
    classNames: meta.classNames,
    samples,
    open: (sample) => {
      const index = Number(sample.id.slice(bundledDatasetName.length + 1));
      const raw = pixels.subarray(index * imageBytes, (index + 1) * imageBytes);
      return sharp(raw, { raw: { width: meta.width, height: meta.height, channels: meta.channels as 1 } });
    },
  };
}
