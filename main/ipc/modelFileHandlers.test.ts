import { spawnSync } from 'node:child_process';
import { mkdir, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelExportRequest } from '../../app/protocol';
import { createHandlers } from './handlers';
import { fakeServices, sampleDesignText, scriptedDialogs, useHostFolders } from '../testing/fakeHost';
import { MODEL_ARCHIVE_MAX_BYTES } from './transferHandlers';

const { root, outside } = useHostFolders('model-files', 'model-files-outside');

const design = (format: ModelExportRequest['format'], to: ModelExportRequest['to']): ModelExportRequest => ({ format, source: { kind: 'design', design: sampleDesignText(), seed: 4 }, suggestedName: 'net', to });

/** A compute that writes what the engine would, so the host's packing is what is tested. */
async function writingServices(dialogs: Parameters<typeof scriptedDialogs>[0] | null = null) {
  const services = await fakeServices([root.path], dialogs ? { dialogs: scriptedDialogs(dialogs) } : {});
  services.compute.exportModel = async (request) => {
    services.compute.calls.push({ method: 'exportModel', request });
    const path = request.path!;
    if (request.format === 'onnx') await writeFile(path, 'onnx bytes');
    else {
      await mkdir(path);
      await writeFile(join(path, 'model.py'), 'class Net: pass\n');
      await writeFile(join(path, 'weights.npz'), new Uint8Array([1, 2, 3]));
    }
    return { ok: true, value: { kind: 'saved', file: { path, name: 'x' } } };
  };
  return services;
}

describe('exportModel', () => {
  it('writes on the web host under a free name in the first root: .onnx for a file, a folder otherwise', async () => {
    const services = await writingServices();
    const handlers = createHandlers(services);
    expect(await handlers.exportModel(design('onnx', 'host'))).toMatchObject({ ok: true, value: { kind: 'saved' } });
    expect(await handlers.exportModel(design('pytorch', 'host'))).toMatchObject({ ok: true });
    expect(services.compute.calls.map((call) => (call.request as { path: string }).path)).toEqual([join(root.path, 'net.onnx'), join(root.path, 'net')]);
  });

  it('asks where on the desktop, and cancelling writes nothing', async () => {
    const services = await writingServices([null, join(root.path, 'chosen.onnx')]);
    const handlers = createHandlers(services);
    expect(await handlers.exportModel(design('onnx', 'host'))).toEqual({ ok: true, value: null });
    expect(await handlers.exportModel(design('onnx', 'host'))).toMatchObject({ ok: true });
    expect(services.compute.calls.map((call) => (call.request as { path: string }).path)).toEqual([join(root.path, 'chosen.onnx')]);
  });

  it('sends a download back: the .onnx itself, a folder as one zip that unzips to it', async () => {
    const handlers = createHandlers(await writingServices());
    const onnx = await handlers.exportModel(design('onnx', 'download'));
    expect(onnx).toEqual({ ok: true, value: { kind: 'download', name: 'net.onnx', base64: Buffer.from('onnx bytes').toString('base64') } });
    const folder = await handlers.exportModel(design('pytorch', 'download'));
    if (!folder.ok || folder.value?.kind !== 'download') throw new Error(`no download: ${JSON.stringify(folder)}`);
    expect(folder.value.name).toBe('net.zip');
    await writeFile(join(outside.path, 'net.zip'), Buffer.from(folder.value.base64, 'base64'));
    const unzipped = spawnSync('/usr/bin/python3', ['-m', 'zipfile', '-e', join(outside.path, 'net.zip'), join(outside.path, 'x')], { encoding: 'utf8' });
    expect(unzipped.status).toBe(0);
    const listed = spawnSync('/usr/bin/python3', ['-m', 'zipfile', '-l', join(outside.path, 'net.zip')], { encoding: 'utf8' }).stdout;
    expect(listed).toMatch(/net\/model\.py/);
    expect(listed).toMatch(/net\/weights\.npz/);
  });

  it('names a file export after its format once, whatever the case of a given extension, and only by its base name', async () => {
    const services = await writingServices();
    const handlers = createHandlers(services);
    for (const suggestedName of ['NET.ONNX', 'net.onnx.onnx', '../elsewhere/net', 'net.pt']) await handlers.exportModel({ ...design('onnx', 'host'), suggestedName });
    await handlers.exportModel({ ...design('pytorch', 'host'), suggestedName: 'net.onnx-folder' });
    expect(services.compute.calls.map((call) => (call.request as { path: string }).path)).toEqual(
      ['NET.ONNX', 'net.onnx.onnx', 'net.onnx', 'net.pt.onnx', 'net.onnx-folder'].map((name) => join(root.path, name)),
    );
  });

  it('refuses a download larger than a browser can carry, with both sizes in MiB, and says why packing failed', async () => {
    const services = await writingServices();
    services.compute.exportModel = async (request) => {
      await mkdir(request.path!);
      // Sparse files: the sizes count, not the disk.
      for (const [name, size] of [['model.py', MODEL_ARCHIVE_MAX_BYTES / 2], ['weights.npz', MODEL_ARCHIVE_MAX_BYTES / 2 + 1]] as const) {
        await writeFile(join(request.path!, name), '');
        await truncate(join(request.path!, name), size);
      }
      return { ok: true, value: { kind: 'saved', file: { path: request.path!, name: 'x' } } };
    };
    const handlers = createHandlers(services);
    expect(await handlers.exportModel(design('pytorch', 'download'))).toEqual({
      ok: false,
      error: 'The export holds 300 MiB, more than a browser download can carry here (300 MiB): export it on the host instead',
    });
    services.compute.exportModel = async () => ({ ok: true, value: { kind: 'saved', file: { path: '/nowhere', name: 'x' } } });
    expect(await handlers.exportModel(design('onnx', 'download'))).toEqual({ ok: false, error: expect.stringMatching(/^Could not pack the export: ENOENT/) });
    services.compute.exportModel = async () => ({ ok: false, error: 'engine says no' });
    expect(await handlers.exportModel(design('onnx', 'download'))).toEqual({ ok: false, error: 'engine says no' });
  });

  it('counts a single-file download against the limit too: exactly the limit is sent, one byte more refused', async () => {
    const services = await writingServices();
    let size = MODEL_ARCHIVE_MAX_BYTES;
    services.compute.exportModel = async (request) => {
      // Sparse: the size counts, not the disk.
      await writeFile(request.path!, '');
      await truncate(request.path!, size);
      return { ok: true, value: { kind: 'saved', file: { path: request.path!, name: 'x' } } };
    };
    const handlers = createHandlers(services);
    const largest = await handlers.exportModel(design('onnx', 'download'));
    // Not compared whole: a failure would print 400 MB.
    expect(largest.ok && largest.value?.kind === 'download' && [largest.value.name, largest.value.base64.length]).toEqual(['net.onnx', (MODEL_ARCHIVE_MAX_BYTES / 3) * 4]);
    size += 1;
    expect(await handlers.exportModel(design('onnx', 'download'))).toEqual({
      ok: false,
      error: 'The export holds 300 MiB, more than a browser download can carry here (300 MiB): export it on the host instead',
    });
  });

  it('writes a download in a temporary folder of its own, named for the app, and removes it whatever the outcome', async () => {
    const services = await writingServices();
    const written: string[] = [];
    const engine = services.compute.exportModel;
    const outcomes = [engine, async () => ({ ok: false as const, error: 'engine says no' }), async () => ({ ok: true as const, value: { kind: 'saved' as const, file: { path: '/nowhere', name: 'x' } } })];
    const handlers = createHandlers(services);
    for (const [index, outcome] of outcomes.entries()) {
      services.compute.exportModel = async (request) => {
        written.push(request.path!);
        return outcome(request);
      };
      expect((await handlers.exportModel(design('pytorch', 'download'))).ok, `outcome ${index}`).toBe(index === 0);
    }
    expect(written).toHaveLength(3);
    for (const path of written) {
      expect(basename(path)).toBe('net');
      expect(dirname(dirname(path))).toBe(tmpdir());
      expect(basename(dirname(path))).toMatch(/^inception-studio-export-/);
      await expect(stat(dirname(path))).rejects.toMatchObject({ code: 'ENOENT' });
    }
    expect(new Set(written.map(dirname)).size).toBe(3);
  });

  it('asks the desktop’s export dialog for a file format and the folder dialog for a folder format', async () => {
    const dialogs = scriptedDialogs([join(root.path, 'net.onnx'), join(root.path, 'net-pytorch'), join(root.path, 'net-web')]);
    const services = await writingServices();
    services.dialogs = dialogs;
    const handlers = createHandlers(services);
    for (const format of ['onnx', 'pytorch', 'tfjs'] as const) expect(await handlers.exportModel(design(format, 'host')), format).toMatchObject({ ok: true });
    expect(dialogs.asked).toEqual(['export', 'model', 'model']);
    expect(services.compute.calls.map((call) => (call.request as { path: string }).path)).toEqual(['net.onnx', 'net-pytorch', 'net-web'].map((name) => join(root.path, name)));
  });

  it('refuses a model folder outside the host’s folders, and a write target the policy refuses', async () => {
    const handlers = createHandlers(await writingServices());
    expect(await handlers.exportModel({ ...design('onnx', 'host'), source: { kind: 'modelDir', path: outside.path } })).toMatchObject({ ok: false });
    expect(await handlers.exportModel({ ...design('onnx', 'host'), path: join(root.path, '.hidden.onnx') })).toMatchObject({ ok: false, error: expect.stringContaining('dotfiles') });
    expect(await handlers.exportModel({ ...design('tfjs', 'host'), path: join(root.path, 'web.onnx') })).toMatchObject({ ok: false, error: expect.stringContaining('a folder export is not named like an export file') });
  });
});

describe('importModel', () => {
  it('hands the checked source and a new model folder to the engine; refuses an existing target and a source outside the roots', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    const source = join(root.path, 'net.onnx');
    await writeFile(source, 'x');
    expect(await handlers.importModel({ source, suggestedName: 'net-model' })).toEqual({ ok: false, error: 'fake import' });
    expect(services.compute.calls).toEqual([{ method: 'importModel', request: { source, path: join(root.path, 'net-model'), suggestedName: 'net-model' } }]);
    await mkdir(join(root.path, 'taken'));
    expect(await handlers.importModel({ source, path: join(root.path, 'taken'), suggestedName: 'taken' })).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    expect(await handlers.importModel({ source: join(outside.path, 'x.onnx'), suggestedName: 'y' })).toMatchObject({ ok: false });
  });

  it('chooses the source with the desktop dialog and may read it then; the web host has none', async () => {
    expect(await createHandlers(await fakeServices([root.path])).chooseImportSource({ kind: 'file' })).toMatchObject({ ok: false, error: expect.stringContaining('no file dialog') });
    const chosen = join(outside.path, 'net.onnx');
    await writeFile(chosen, 'x');
    const services = await fakeServices([root.path], { dialogs: scriptedDialogs([chosen]) });
    const handlers = createHandlers(services);
    expect(await handlers.chooseImportSource({ kind: 'file' })).toEqual({ ok: true, value: chosen });
    expect(await services.paths.check(chosen)).toMatchObject({ ok: true });
    expect(await services.paths.check(join(outside.path, 'other.onnx'))).toMatchObject({ ok: false });
  });

  it('grants a chosen checkpoint’s whole run folder, two up, where its run.json is; a cancelled dialog grants nothing', async () => {
    for (const extension of ['pt', 'npz']) {
      const run = join(outside.path, `run-${extension}`);
      const checkpoint = join(run, 'checkpoints', `best.${extension}`);
      const services = await fakeServices([root.path], { dialogs: scriptedDialogs([checkpoint, null]) });
      const handlers = createHandlers(services);
      expect(await handlers.chooseImportSource({ kind: 'file' })).toEqual({ ok: true, value: checkpoint });
      expect(await services.paths.check(join(run, 'run.json')), extension).toMatchObject({ ok: true });
      expect(await services.paths.check(join(outside.path, 'elsewhere')), extension).toMatchObject({ ok: false });
      expect(await handlers.chooseImportSource({ kind: 'folder' })).toEqual({ ok: true, value: null });
      expect(services.paths.allowed()).toEqual([root.path, run]);
    }
    // A name only ending like a checkpoint's extension is no checkpoint.
    const notCheckpoint = join(outside.path, 'a', 'b', 'export.npz.onnx');
    const services = await fakeServices([root.path], { dialogs: scriptedDialogs([notCheckpoint]) });
    await createHandlers(services).chooseImportSource({ kind: 'file' });
    expect(services.paths.allowed()).toEqual([root.path, notCheckpoint]);
  });
});
