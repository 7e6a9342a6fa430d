/**
 * Named tensors as two files for a checkpoint's extra files (trained weights, optimizer slots,
 * weight averages): `<name>.json` lists name, shape, dtype and byte offset; `<name>.bin` holds
 * the raw values.
 */

import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** tfjs's `NamedTensor`, which its public index does not export. */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

interface BundleEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  offset: number;
}

export async function encodeTensorBundle(bundle: string, tensors: readonly NamedTensor[]): Promise<Record<string, string | Uint8Array>> {
  const entries: BundleEntry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const { name, tensor } of tensors) {
    if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32') throw new Error(`cannot save tensor '${name}' of dtype ${tensor.dtype}`);
    const values = await tensor.data();
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
    entries.push({ name, shape: tensor.shape, dtype: tensor.dtype, offset });
    parts.push(bytes);
    offset += bytes.byteLength;
  }
  return { [`${bundle}.json`]: JSON.stringify(entries), [`${bundle}.bin`]: Buffer.concat(parts) };
}

/** The caller owns (and disposes) the returned tensors. */
export async function loadTensorBundle(dir: string, bundle: string): Promise<NamedTensor[]> {
  const entries = JSON.parse(await readFile(join(dir, `${bundle}.json`), 'utf8')) as BundleEntry[];
  const data = await readFile(join(dir, `${bundle}.bin`));
  return entries.map(({ name, shape, dtype, offset }) => {
    const count = shape.reduce((a, b) => a * b, 1);
    const copy = new ArrayBuffer(count * 4);
    new Uint8Array(copy).set(data.subarray(offset, offset + count * 4));
    return { name, tensor: tf.tensor(dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy), shape, dtype) };
  });
}
