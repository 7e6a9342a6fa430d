/**
 * Reading a `.npz` of float32 arrays back: the zip's central directory (zip64 sizes and offsets
 * included, as `numpy.savez` writes them), stored members only, `.npy` format 1–3, little-endian
 * C order. Anything else is refused with the member named.
 */

import type { ExportTensor } from '../exportGraph';

const utf8 = new TextDecoder();

function fail(reason: string): never {
  throw new Error(`Not a .npz of float32 arrays as numpy.savez writes them: ${reason}.`);
}

/** Reads the zip64 extra field's 64-bit values for the fields that hold 0xFFFFFFFF, in order. */
function zip64Values(view: DataView, start: number, length: number): bigint[] {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) return Array.from({ length: size / 8 }, (_, i) => view.getBigUint64(at + 4 + i * 8, true));
    at += 4 + size;
  }
  return [];
}

function parseNpy(name: string, bytes: Uint8Array): ExportTensor {
  if (bytes[0] !== 0x93 || utf8.decode(bytes.subarray(1, 6)) !== 'NUMPY') fail(`'${name}' is not a .npy array`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = utf8.decode(bytes.subarray(headerStart, headerStart + headerLength));
  if (!/'descr':\s*'<f4'/.test(header)) fail(`'${name}' is not little-endian float32 (${header.trim()})`);
  if (!/'fortran_order':\s*False/.test(header)) fail(`'${name}' is in Fortran order`);
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? fail(`'${name}' has no shape`))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
  const start = headerStart + headerLength;
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - start < count * 4) fail(`'${name}' is shorter than its shape says`);
  const values = new Float32Array(count);
  new Uint8Array(values.buffer).set(bytes.subarray(start, start + count * 4));
  return { shape, values };
}

/** The arrays of an `.npz`, by name (without `.npy`). */
export function readNpz(bytes: Uint8Array): Map<string, ExportTensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) fail('no zip directory');
  let entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (offset === 0xffffffff && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const record = Number(view.getBigUint64(end - 12, true));
    entries = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const arrays = new Map<string, ExportTensor>();
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) fail('a damaged zip directory');
    const method = view.getUint16(offset + 10, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    let size = view.getUint32(offset + 20, true);
    let local = view.getUint32(offset + 42, true);
    const wide = zip64Values(view, offset + 46 + nameLength, extraLength);
    // The zip64 field lists, in order, only the values the fixed fields could not hold.
    const uncompressed = view.getUint32(offset + 24, true);
    if (uncompressed === 0xffffffff) size = Number(wide.shift());
    if (view.getUint32(offset + 20, true) === 0xffffffff) size = Number(wide.shift());
    if (local === 0xffffffff) local = Number(wide.shift());
    if (method !== 0) fail(`'${name}' is compressed (use numpy.savez, not savez_compressed)`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    arrays.set(name.replace(/\.npy$/, ''), parseNpy(name, bytes.subarray(dataStart, dataStart + size)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return arrays;
}
