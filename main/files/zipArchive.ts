/**
 * A zip archive (PKWARE APPNOTE 6.3, no ZIP64) of a few files: how a model directory leaves the
 * web host as one browser download. Text and JSON are deflated; weights, which barely
 * compress, are stored.
 */

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** A relative path with `/` separators. */
  name: string;
  bytes: Uint8Array;
}

/** ZIP without its 64-bit extension holds entries and archives below 4 GiB. */
export const ZIP_MAX_BYTES = 0xffff_ffff;
const STORED = 0;
const DEFLATED = 8;
/** Version 2.0 (deflate), bit 11 of the flags: names are UTF-8. */
const VERSION = 20;
const UTF8 = 0x0800;

/** MS-DOS date and time, as zip headers hold them. */
function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const worthDeflating = (name: string): boolean => /\.(json|txt|csv)$/i.test(name);

export function zipArchive(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const stamp = dosTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = worthDeflating(entry.name) ? deflateRawSync(entry.bytes) : null;
    const method = deflated && deflated.length < entry.bytes.length ? DEFLATED : STORED;
    const data = method === DEFLATED && deflated ? deflated : Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
    if (entry.bytes.length > ZIP_MAX_BYTES || offset + data.length > ZIP_MAX_BYTES) throw new Error(`${entry.name}: the archive would exceed 4 GiB`);
    const crc = crc32(entry.bytes);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
