/**
 * The size and SHA-256 of each file of a model directory, recorded in its metadata when it is
 * saved and checked before it is loaded: a truncated, corrupted or replaced file is refused with
 * its name, before any of its bytes become weights.
 */

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ModelDirError, type FileDigest } from './format';

async function digestOf(file: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export async function digestFiles(dir: string, names: readonly string[]): Promise<Record<string, FileDigest>> {
  const digests: Record<string, FileDigest> = {};
  for (const name of [...names].sort()) digests[name] = await digestOf(path.join(dir, name));
  return digests;
}

const isDigest = (value: unknown): value is FileDigest =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as FileDigest).bytes) && typeof (value as FileDigest).sha256 === 'string';

/** Checks every recorded file against its size and checksum; throws ModelDirError naming the first that differs. */
export async function verifyDigests(dir: string, recorded: unknown, recordedIn: string): Promise<void> {
  if (typeof recorded !== 'object' || recorded === null || Array.isArray(recorded)) throw new ModelDirError(dir, recordedIn, '"files" should map each file name to its size and checksum');
  for (const [name, digest] of Object.entries(recorded)) {
    if (name !== path.basename(name) || !isDigest(digest)) throw new ModelDirError(dir, recordedIn, `"files" has a malformed entry for '${name}'`);
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (!info?.isFile()) throw new ModelDirError(dir, name, 'missing');
    if (info.size !== digest.bytes) {
      throw new ModelDirError(dir, name, `${info.size < digest.bytes ? 'truncated' : 'longer than when it was saved'}: ${info.size} bytes, ${recordedIn} records ${digest.bytes}`);
    }
    if ((await digestOf(path.join(dir, name))).sha256 !== digest.sha256) {
      throw new ModelDirError(dir, name, `its checksum does not match the one recorded when it was saved: the file is corrupted or was replaced`);
    }
  }
}
