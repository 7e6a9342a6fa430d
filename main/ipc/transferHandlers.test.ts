import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeServices, useHostFolders } from '../testing/fakeHost';
import { createHandlers } from './handlers';
import { MODEL_ARCHIVE_MAX_BYTES } from './transferHandlers';

const { root, outside } = useHostFolders('transfer-root', 'transfer-outside');

/** Files whose reads fail as on a failing disk: the tests run as root, so permissions cannot make one. */
const unreadable = vi.hoisted(() => new Set<string>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const readFile = ((path: Parameters<typeof fs.readFile>[0], ...rest: [never]) =>
    unreadable.has(String(path)) ? Promise.reject(Object.assign(new Error(`EIO: i/o error, read '${String(path)}'`), { code: 'EIO' })) : fs.readFile(path, ...rest)) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});

/** The names in a zip's central directory. */
function zipNames(zip: Buffer): string[] {
  const end = zip.length - 22;
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = zip.readUInt16LE(end + 10); n > 0; n -= 1) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + length).toString('utf8'));
    at += 46 + length + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

describe('modelArchive', () => {
  it('packs a model directory’s files (not hidden ones) under its folder name', async () => {
    const model = join(root.path, 'runs', 'r1', 'checkpoints', 'best');
    await mkdir(model, { recursive: true });
    await writeFile(join(model, 'model.json'), '{}');
    await writeFile(join(model, 'weights.bin'), Buffer.from([1, 2, 3, 4]));
    await writeFile(join(model, '.partial'), 'x');
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.modelArchive({ source: model });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.name).toBe('best.zip');
    expect(zipNames(Buffer.from(result.value.base64, 'base64')).sort()).toEqual(['best/model.json', 'best/weights.bin']);
    const named = await handlers.modelArchive({ source: model, name: '../.net-best' });
    expect(named.ok && named.value.name).toBe('net-best.zip');
    const onlyDots = await handlers.modelArchive({ source: model, name: 'a/...' });
    expect(onlyDots.ok && onlyDots.value.name).toBe('best.zip');
    const dotted = await handlers.modelArchive({ source: model, name: 'net.v2.' });
    expect(dotted.ok && zipNames(Buffer.from(dotted.value.base64, 'base64')).sort()).toEqual(['net.v2./model.json', 'net.v2./weights.bin']);
  });

  it('refuses a model larger than a browser download can carry, counting every file, with both sizes in MiB', async () => {
    const model = join(root.path, 'big');
    await mkdir(model);
    await writeFile(join(model, 'model.json'), '{}');
    // Sparse files: the sizes count, not the disk.
    await writeFile(join(model, 'weights.bin'), '');
    await truncate(join(model, 'weights.bin'), MODEL_ARCHIVE_MAX_BYTES - 1);
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.modelArchive({ source: model })).toEqual({
      ok: false,
      error: `${model} holds 300 MiB, more than a browser download can carry here (300 MiB): copy the folder from the host instead (scp -r)`,
    });
  });

  it('packs a model of exactly the largest size a download may have, which base64 still carries as one string', async () => {
    const model = join(root.path, 'largest');
    await mkdir(model);
    await writeFile(join(model, 'model.json'), '{}');
    await writeFile(join(model, 'weights.bin'), '');
    await truncate(join(model, 'weights.bin'), MODEL_ARCHIVE_MAX_BYTES - 2);
    const result = await createHandlers(await fakeServices([root.path])).modelArchive({ source: model });
    // Not compared whole: a failure would print 400 MB.
    expect(result.ok && result.value.name).toBe('largest.zip');
    expect(result.ok && result.value.base64.length).toBeGreaterThan((MODEL_ARCHIVE_MAX_BYTES / 3) * 4);
  });

  it('says why packing failed, naming the model folder', async () => {
    const model = join(root.path, 'damaged');
    await mkdir(model);
    await writeFile(join(model, 'model.json'), '{}');
    await writeFile(join(model, 'weights.bin'), 'x');
    unreadable.add(join(model, 'weights.bin'));
    try {
      expect(await createHandlers(await fakeServices([root.path])).modelArchive({ source: model })).toEqual({ ok: false, error: `Could not pack ${model}: EIO: i/o error, read '${join(model, 'weights.bin')}'` });
    } finally {
      unreadable.clear();
    }
  });

  it('refuses a folder without the model file as a file of its own, a file, and a folder outside the roots', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.modelArchive({ source: root.path })).toMatchObject({ ok: false, error: expect.stringContaining('not a model directory') });
    const impostor = join(root.path, 'impostor');
    await mkdir(join(impostor, 'model.json'), { recursive: true });
    await writeFile(join(impostor, 'weights.bin'), 'x');
    expect(await handlers.modelArchive({ source: impostor })).toEqual({ ok: false, error: `${impostor} is not a model directory (no model.json)` });
    await writeFile(join(root.path, 'model.json'), '{}');
    expect(await handlers.modelArchive({ source: join(root.path, 'model.json') })).toEqual({ ok: false, error: `${join(root.path, 'model.json')} is not a model directory (no model.json)` });
    expect(await handlers.modelArchive({ source: outside.path })).toMatchObject({ ok: false, error: expect.stringContaining('outside the folders') });
  });
});

describe('uploadFiles', () => {
  it('writes uploads through the host’s path policy', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.uploadFiles({ folder: root.path, files: [{ path: 'data/cat/1.png', base64: Buffer.from('png').toString('base64') }] });
    expect(result).toEqual({ ok: true, value: [join(root.path, 'data', 'cat', '1.png')] });
    expect(await readFile(join(root.path, 'data', 'cat', '1.png'), 'utf8')).toBe('png');
    expect(await handlers.uploadFiles({ folder: outside.path, files: [] })).toMatchObject({ ok: false });
  });
});

describe('recovery copies', () => {
  it('saves, lists and discards through the handlers', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await handlers.saveRecovery({ id: 'tab', name: 'Net', text: '{"name":"Net"}' });
    const listed = await handlers.recoveryCopies();
    expect(listed.ok && listed.value.map((copy) => [copy.id, copy.name, copy.text])).toEqual([['tab', 'Net', '{"name":"Net"}']]);
    await handlers.discardRecovery({ id: 'tab' });
    expect(await handlers.recoveryCopies()).toEqual({ ok: true, value: [] });
  });
});
