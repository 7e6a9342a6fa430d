import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/fakeHost';
import { zipArchive } from './zipArchive';

const PYTHON = '/usr/bin/python3';
let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => {
  folder = await tempFolder('zip');
});
afterEach(() => folder.remove());

describe('zipArchive', () => {
  const entries = [
    { name: 'best/model.json', bytes: Buffer.from(JSON.stringify({ layers: Array.from({ length: 50 }, (_, i) => `layer${i}`) })) },
    { name: 'best/weights.bin', bytes: Buffer.from(Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i)).buffer) },
    { name: 'best/étiquettes.json', bytes: Buffer.from('["a","b"]') },
  ];

  it('lays out local headers, a central directory and its end record', () => {
    const zip = zipArchive(entries);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(3);
    expect(zip.readUInt32LE(zip.readUInt32LE(end + 16))).toBe(0x02014b50);
  });

  // An independent reader: Python's zipfile checks every CRC and decompresses every entry.
  it.skipIf(!existsSync(PYTHON))('reads back byte for byte with Python’s zipfile (skipped without /usr/bin/python3)', async () => {
    const path = join(folder.path, 'model.zip');
    await writeFile(path, zipArchive(entries));
    const script = 'import sys,zipfile,hashlib,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename:[i.compress_type,hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()}))';
    const listed = JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' })) as Record<string, [number, string]>;
    const { createHash } = await import('node:crypto');
    for (const entry of entries) expect(listed[entry.name]?.[1]).toBe(createHash('sha256').update(entry.bytes).digest('hex'));
    expect(listed['best/model.json'][0]).toBe(8);
    expect(listed['best/weights.bin'][0]).toBe(0);
  });
});
