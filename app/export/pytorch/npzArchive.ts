/**
 * NumPy's `.npz`: a zip of `.npy` files (format 1.0, little-endian float32, C order), stored
 * without compression, which `numpy.load` reads with nothing else installed.
 */

import type { ExportTensor } from '../exportGraph';

const NPY_MAGIC = [0x93, ...new TextEncoder().encode('NUMPY'), 1, 0];
const utf8 = new TextEncoder();

function npy(tensor: ExportTensor): Uint8Array {
  const shape = tensor.shape.length === 1 ? `(${tensor.shape[0]},)` : `(${tensor.shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  // The data starts on a 64-byte boundary; the header ends in a newline.
  const unpadded = NPY_MAGIC.length + 2 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(NPY_MAGIC.length + 2 + header.length + tensor.values.byteLength);
  out.set(NPY_MAGIC, 0);
  new DataView(out.buffer).setUint16(NPY_MAGIC.length, header.length, true);
  out.set(utf8.encode(header), NPY_MAGIC.length + 2);
  out.set(new Uint8Array(tensor.values.buffer, tensor.values.byteOffset, tensor.values.byteLength), NPY_MAGIC.length + 2 + header.length);
  return out;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Little-endian fields of a zip header. */
function header(fields: readonly (readonly [bytes: 2 | 4, value: number])[]): Uint8Array {
  const out = new Uint8Array(fields.reduce((n, [bytes]) => n + bytes, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(offset, value, true);
    else view.setUint32(offset, value, true);
    offset += bytes;
  }
  return out;
}

/** The `.npz` bytes of the named arrays (`name` → `name.npy` in the archive). Archives over 4 GiB are refused. */
export function npzArchive(arrays: ReadonlyMap<string, ExportTensor>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, tensor] of arrays) {
    const data = npy(tensor);
    const fileName = utf8.encode(`${name}.npy`);
    const crc = crc32(data);
    // version 2.0, flag bit 11 (UTF-8 names), method 0 (stored), no time stamp.
    const common = [[2, 20], [2, 0x800], [2, 0], [2, 0], [2, 0x21], [4, crc], [4, data.length], [4, data.length], [2, fileName.length], [2, 0]] as const;
    const local = header([[4, 0x04034b50], ...common]);
    central.push(header([[4, 0x02014b50], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), fileName);
    parts.push(local, fileName, data);
    offset += local.length + fileName.length + data.length;
    if (offset > 0xffffffff) throw new Error('The weights are over 4 GiB, more than a plain .npz archive holds.');
  }
  const centralSize = central.reduce((n, part) => n + part.length, 0);
  const end = header([[4, 0x06054b50], [2, 0], [2, 0], [2, arrays.size], [2, arrays.size], [4, centralSize], [4, offset], [2, 0]]);
  return concatenate([...parts, ...central, end]);
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
