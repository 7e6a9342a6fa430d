/**
 * Named tensors as two files for a checkpoint's extra files (trained weights, optimizer slots,
 * weight averages): `<name>.json` lists name, shape, dtype and byte offset; `<name>.bin` holds
 * the raw values, one tensor after another. Loading checks that the list describes the values
 * file exactly and that every float is finite: never a zero-filled or NaN weight.
 */

import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../result';

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
    // A view: Buffer.concat below copies it.
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    entries.push({ name, shape: tensor.shape, dtype: tensor.dtype, offset });
    parts.push(bytes);
    offset += bytes.byteLength;
  }
  return { [`${bundle}.json`]: JSON.stringify(entries), [`${bundle}.bin`]: Buffer.concat(parts) };
}

/** A bundle whose files cannot be trusted; the message names the file and what is wrong. */
export class TensorBundleError extends Error {
  override name = 'TensorBundleError';
}

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The entries of `<bundle>.json`, each checked, laid end to end; the bytes they describe in total. */
function checkEntries(value: unknown, file: string): { entries: BundleEntry[]; bytes: number } {
  const fail = (reason: string): never => {
    throw new TensorBundleError(`${file}: ${reason}`);
  };
  if (!Array.isArray(value)) return fail('should be a list of tensors');
  let bytes = 0;
  const entries = value.map((raw: Partial<BundleEntry> | null) => {
    const name = typeof raw?.name === 'string' ? raw.name : fail('has a tensor without a name');
    if (!Array.isArray(raw!.shape) || !raw!.shape.every(isCount)) return fail(`tensor '${name}' has shape ${JSON.stringify(raw!.shape)}: expected whole numbers ≥ 0`);
    if (raw!.dtype !== 'float32' && raw!.dtype !== 'int32') return fail(`tensor '${name}' has dtype ${JSON.stringify(raw!.dtype)}: expected "float32" or "int32"`);
    if (raw!.offset !== bytes) return fail(`tensor '${name}' starts at byte ${JSON.stringify(raw!.offset)}; expected ${bytes}, right after the one before it`);
    bytes += raw!.shape.reduce((a, b) => a * b, 1) * 4;
    return raw as BundleEntry;
  });
  return { entries, bytes };
}

/** The caller owns (and disposes) the returned tensors. Throws TensorBundleError for files that do not add up. */
export async function loadTensorBundle(dir: string, bundle: string): Promise<NamedTensor[]> {
  const manifestFile = `${bundle}.json`;
  const valuesFile = `${bundle}.bin`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(dir, manifestFile), 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : error instanceof SyntaxError ? `not valid JSON (${error.message})` : errorMessage(error);
    throw new TensorBundleError(`${manifestFile}: ${reason}`);
  }
  const { entries, bytes } = checkEntries(manifest, manifestFile);
  const data = await readFile(join(dir, valuesFile)).catch(() => {
    throw new TensorBundleError(`${valuesFile}: missing`);
  });
  if (data.byteLength !== bytes) throw new TensorBundleError(`${valuesFile}: ${data.byteLength} bytes, ${manifestFile} describes ${bytes}`);
  const values = entries.map(({ name, shape, dtype, offset }) => {
    const copy = new ArrayBuffer(shape.reduce((a, b) => a * b, 1) * 4);
    new Uint8Array(copy).set(data.subarray(offset, offset + copy.byteLength));
    const typed = dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy);
    // Whole numbers are always finite: only floats can fail this.
    if (!typed.every(Number.isFinite)) throw new TensorBundleError(`${valuesFile}: tensor '${name}' holds values that are not finite numbers (NaN or infinite)`);
    return { name, shape, dtype, typed };
  });
  return values.map(({ name, shape, dtype, typed }) => ({ name, tensor: tf.tensor(typed, shape, dtype) }));
}
