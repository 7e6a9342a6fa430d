import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chmod, mkdir, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import { MAX_DESIGN_CHARS } from './requestSchemas';
import { fakeServices, sampleDesignText, scriptedDialogs, useHostFolders, TEST_VERSIONS } from '../testing/fakeHost';

const { root, outside } = useHostFolders('handlers-root', 'handlers-outside');

describe('openDesign', () => {
  it('reads a design inside a root and remembers it as recent', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    const path = join(root.path, 'a.incept.json');
    await writeFile(path, sampleDesignText());
    const result = await handlers.openDesign({ path });
    expect(result).toEqual({ ok: true, value: { file: { path, name: 'a.incept.json' }, text: sampleDesignText() } });
    expect(await handlers.recentFiles()).toEqual([path]);
  });

  it('reports what is wrong and where for a file that does not parse, and changes nothing', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    const path = join(root.path, 'broken.incept.json');
    const design = JSON.parse(sampleDesignText()) as { nodes: { params: Record<string, unknown> }[] };
    design.nodes[1].params = 'not params' as never;
    await writeFile(path, JSON.stringify(design));
    expect(await handlers.openDesign({ path })).toMatchObject({ ok: false, error: expect.stringMatching(/broken\.incept\.json is not a design[\s\S]*nodes\[1\]\.params/) });
    await writeFile(path, '{"format": ');
    expect(await handlers.openDesign({ path })).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON.*line 1, column/) });
    expect(await handlers.recentFiles()).toEqual([]);
  });

  it('refuses paths outside the roots, relative paths, and traversal', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const secret = join(outside.path, 'secret.incept.json');
    await writeFile(secret, sampleDesignText());
    for (const path of [secret, `${root.path}/../${outside.path.split('/').pop()}/secret.incept.json`, 'relative.incept.json']) {
      const result = await handlers.openDesign({ path });
      expect(result.ok, path).toBe(false);
    }
  });

  it('refuses a symbolic link inside a root that points outside it', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await writeFile(join(outside.path, 'secret.incept.json'), sampleDesignText());
    await symlink(outside.path, join(root.path, 'escape'));
    const result = await handlers.openDesign({ path: join(root.path, 'escape', 'secret.incept.json') });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
  });

  it('asks the dialog when no path is given; cancelling returns null', async () => {
    const path = join(outside.path, 'picked.incept.json');
    await writeFile(path, sampleDesignText());
    const dialogs = scriptedDialogs([path, null]);
    const handlers = createHandlers(await fakeServices([root.path], { dialogs }));
    expect(await handlers.openDesign({})).toMatchObject({ ok: true, value: { file: { path } } });
    expect(await handlers.openDesign({})).toEqual({ ok: true, value: null });
    expect(dialogs.asked).toEqual(['open', 'open']);
  });

  it('reads a design file of the largest size a design may have, and refuses one byte more before reading it', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const path = join(root.path, 'large.incept.json');
    // Sparse: NUL bytes, so the one at the limit is read and then refused as no design.
    await writeFile(path, '');
    await truncate(path, MAX_DESIGN_CHARS);
    expect(await handlers.openDesign({ path })).toEqual({ ok: false, error: expect.stringMatching(/^\S+large\.incept\.json is not a design this app can open\.\nThe design file is not valid JSON/) });
    await truncate(path, MAX_DESIGN_CHARS + 1);
    expect(await handlers.openDesign({ path })).toEqual({ ok: false, error: `${path}: ${MAX_DESIGN_CHARS + 1} bytes is too large for a design file` });
    expect(await handlers.openDesign({ path: join(root.path, 'missing.incept.json') })).toEqual({ ok: false, error: expect.stringMatching(/^Could not read \S+missing\.incept\.json: ENOENT/) });
  });

  it('without dialogs (web host) needs a path', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.openDesign({})).toMatchObject({ ok: false, error: expect.stringMatching(/no file dialog/) });
  });
});

describe('saveDesign', () => {
  it('writes atomically (no temp file left) and refuses text that does not parse', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const path = join(root.path, 'saved.incept.json');
    await writeFile(path, 'old contents');
    expect(await handlers.saveDesign({ path, suggestedName: 'x', text: sampleDesignText() })).toEqual({ ok: true, value: { path, name: 'saved.incept.json' } });
    expect(await readFile(path, 'utf8')).toBe(sampleDesignText());
    expect(await readdir(root.path)).toEqual(['saved.incept.json']);
    const refused = await handlers.saveDesign({ path, suggestedName: 'x', text: '{}' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/does not parse/) });
    expect(await readFile(path, 'utf8')).toBe(sampleDesignText());
  });

  it('on the web host without a path, saves into the first root without overwriting', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const first = await handlers.saveDesign({ suggestedName: 'net.incept.json', text: sampleDesignText() });
    const second = await handlers.saveDesign({ suggestedName: 'net.incept.json', text: sampleDesignText() });
    expect(first).toMatchObject({ ok: true, value: { name: 'net.incept.json' } });
    expect(second).toMatchObject({ ok: true, value: { name: 'net (2).incept.json' } });
  });

  it('uses the save dialog on the desktop; cancelling writes nothing', async () => {
    const target = join(outside.path, 'chosen.incept.json');
    const handlers = createHandlers(await fakeServices([root.path], { dialogs: scriptedDialogs([null, target]) }));
    expect(await handlers.saveDesign({ suggestedName: 'x', text: sampleDesignText() })).toEqual({ ok: true, value: null });
    expect(await handlers.saveDesign({ suggestedName: 'x', text: sampleDesignText() })).toMatchObject({ ok: true, value: { path: target } });
    expect(await readdir(outside.path)).toEqual(['chosen.incept.json']);
  });

  it('says why a write failed, naming the file the user asked for', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const path = join(root.path, 'missing', 'net.incept.json');
    expect(await handlers.saveDesign({ path, suggestedName: 'x', text: sampleDesignText() })).toEqual({ ok: false, error: `Could not save ${path}: its folder does not exist (ENOENT)` });
    expect(await readdir(root.path)).toEqual([]);
  });

  it('refuses a path outside the roots', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.saveDesign({ path: join(outside.path, 'x.incept.json'), suggestedName: 'x', text: sampleDesignText() });
    expect(result.ok).toBe(false);
    expect(await readdir(outside.path)).toEqual([]);
  });
});

describe('desktop: only what the user opened or chose', () => {
  it('grants a design picked in the open or save dialog, not its neighbours', async () => {
    const picked = join(outside.path, 'picked.incept.json');
    const neighbour = join(outside.path, 'neighbour.incept.json');
    await writeFile(picked, sampleDesignText());
    await writeFile(neighbour, sampleDesignText());
    const saved = join(outside.path, 'saved.incept.json');
    const services = await fakeServices([root.path], { dialogs: scriptedDialogs([picked, saved]) });
    const handlers = createHandlers(services);
    expect(await handlers.openDesign({})).toMatchObject({ ok: true, value: { file: { path: picked } } });
    expect(await handlers.saveDesign({ path: picked, suggestedName: 'x', text: sampleDesignText() })).toMatchObject({ ok: true });
    expect(await handlers.openDesign({ path: neighbour })).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
    expect(await handlers.saveDesign({ suggestedName: 'x', text: sampleDesignText() })).toMatchObject({ ok: true, value: { path: saved } });
    expect(await handlers.openDesign({ path: saved })).toMatchObject({ ok: true });
  });

  it('chooses a dataset in a native dialog and grants that folder (a CSV: its folder)', async () => {
    const data = join(outside.path, 'data');
    await mkdir(join(data, 'cats'), { recursive: true });
    const csv = join(outside.path, 'labels', 'rows.csv');
    await mkdir(join(outside.path, 'labels'));
    await writeFile(csv, 'a.png,cat\n');
    const services = await fakeServices([root.path], { dialogs: scriptedDialogs([data, csv, null]) });
    const handlers = createHandlers(services);
    expect(await handlers.scanDataset({ path: data, inputSize: 75 })).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
    expect(await handlers.chooseDataset({ kind: 'folder' })).toEqual({ ok: true, value: data });
    expect(await handlers.chooseDataset({ kind: 'csv' })).toEqual({ ok: true, value: csv });
    expect(await handlers.chooseDataset({ kind: 'folder' })).toEqual({ ok: true, value: null });
    expect((await handlers.listDirectory({ path: join(data, 'cats') })).ok).toBe(true);
    expect((await handlers.listDirectory({ path: join(outside.path, 'labels') })).ok).toBe(true);
    expect((await handlers.listDirectory({ path: outside.path })).ok).toBe(false);
    await handlers.scanDataset({ path: data, inputSize: 75 });
    expect(services.compute.calls).toEqual([{ method: 'scanDataset', request: { path: data, inputSize: 75, roots: [root.path, data, join(outside.path, 'labels')] } }]);
  });

  it('the web host has no dataset dialog: the page browses its folders instead', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.chooseDataset({ kind: 'folder' })).toMatchObject({ ok: false, error: expect.stringMatching(/no file dialog/) });
  });
});

describe('other handlers', () => {
  it('exportFile decodes base64 into the chosen file', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.exportFile({ suggestedName: 'graph.svg', base64: Buffer.from('<svg/>').toString('base64') });
    expect(result).toMatchObject({ ok: true, value: { name: 'graph.svg' } });
    expect(await readFile(join(root.path, 'graph.svg'), 'utf8')).toBe('<svg/>');
  });

  it('exportFile says why a write failed, naming the file the user chose', async () => {
    const chosen = join(outside.path, 'missing', 'chart.png');
    const handlers = createHandlers(await fakeServices([root.path], { dialogs: scriptedDialogs([chosen]) }));
    expect(await handlers.exportFile({ suggestedName: 'chart.png', base64: 'AAAA' })).toEqual({ ok: false, error: `Could not export ${chosen}: its folder does not exist (ENOENT)` });
  });

  it('exportFile writes only its own formats: never a dotfile, an executable or another type', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const base64 = Buffer.from('export PATH=/evil').toString('base64');
    for (const suggestedName of ['.profile', '.bashrc', '../../.bashrc', 'run.sh', 'tool.exe', 'notes', 'graph.svg.sh', '.hidden.png']) {
      expect(await handlers.exportFile({ suggestedName, base64 }), suggestedName).toMatchObject({ ok: false, error: expect.stringMatching(/export|dot/i) });
    }
    expect(await readdir(root.path)).toEqual([]);
    await writeFile(join(root.path, 'tool.png'), 'x');
    await chmod(join(root.path, 'tool.png'), 0o755);
    const dialogs = scriptedDialogs([join(root.path, 'tool.png'), join(root.path, '.bashrc'), join(root.path, 'chart.png')]);
    const desktop = createHandlers(await fakeServices([root.path], { dialogs }));
    expect(await desktop.exportFile({ suggestedName: 'tool.png', base64 })).toMatchObject({ ok: false, error: expect.stringMatching(/executable/) });
    expect(await desktop.exportFile({ suggestedName: 'x.png', base64 })).toMatchObject({ ok: false, error: expect.stringMatching(/dot/) });
    expect(await desktop.exportFile({ suggestedName: 'chart.png', base64 })).toMatchObject({ ok: true, value: { name: 'chart.png' } });
    expect(await readFile(join(root.path, 'tool.png'), 'utf8')).toBe('x');
  });

  it('saveDesign writes only design files, outside dot folders', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await mkdir(join(root.path, '.config'));
    for (const path of [join(root.path, '.bashrc'), join(root.path, 'notes.txt'), join(root.path, '.config', 'net.incept.json'), join(root.path, '.net.incept.json')]) {
      expect(await handlers.saveDesign({ path, suggestedName: 'x', text: sampleDesignText() }), path).toMatchObject({ ok: false });
    }
    expect(await handlers.saveDesign({ suggestedName: '.bashrc', text: sampleDesignText() })).toMatchObject({ ok: false, error: expect.stringMatching(/dot/) });
    expect(await handlers.saveDesign({ suggestedName: 'plain', text: sampleDesignText() })).toMatchObject({ ok: true, value: { name: 'plain.incept.json' } });
    expect((await readdir(root.path)).sort()).toEqual(['.config', 'plain.incept.json']);
    expect(await readdir(join(root.path, '.config'))).toEqual([]);
  });

  it('listDirectory lists folders first, each kind by name, hides dot files, refuses outside paths', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await mkdir(join(root.path, 'zeta'));
    await mkdir(join(root.path, 'beta'));
    await writeFile(join(root.path, 'alpha.txt'), '');
    await writeFile(join(root.path, 'gamma.png'), '');
    await writeFile(join(root.path, '.hidden'), '');
    await mkdir(join(root.path, '.cache'));
    const listed = await handlers.listDirectory({ path: root.path });
    expect(listed).toEqual({
      ok: true,
      value: [
        { name: 'beta', path: join(root.path, 'beta'), kind: 'directory' },
        { name: 'zeta', path: join(root.path, 'zeta'), kind: 'directory' },
        { name: 'alpha.txt', path: join(root.path, 'alpha.txt'), kind: 'file' },
        { name: 'gamma.png', path: join(root.path, 'gamma.png'), kind: 'file' },
      ],
    });
    expect((await handlers.listDirectory({ path: outside.path })).ok).toBe(false);
  });

  it('listDirectory lists plain files and folders only: no links, pipes or sockets', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await writeFile(join(root.path, 'image.png'), '');
    await symlink(join(root.path, 'image.png'), join(root.path, 'link.png'));
    await symlink(root.path, join(root.path, 'loop'));
    expect(spawnSync('mkfifo', [join(root.path, 'pipe')]).status).toBe(0);
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(root.path, 'socket'), resolve));
    try {
      expect(await handlers.listDirectory({ path: root.path })).toEqual({ ok: true, value: [{ name: 'image.png', path: join(root.path, 'image.png'), kind: 'file' }] });
    } finally {
      await new Promise((resolve) => socket.close(resolve));
    }
  });

  it('listDirectory says why a path cannot be listed', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const file = join(root.path, 'notes.txt');
    await writeFile(file, '');
    expect(await handlers.listDirectory({ path: file })).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^Could not list ${file}: ENOTDIR`)) });
  });

  it('info names the roots; setDocumentState reaches the host', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    expect(await handlers.info()).toEqual({ kind: 'web', versions: TEST_VERSIONS, notices: null, platform: process.platform, roots: [root.path] });
    await handlers.setDocumentState({ title: 'Net', dirty: true });
    expect(services.states).toEqual([{ title: 'Net', dirty: true }]);
  });

  it('compute requests have their paths checked before the trainer sees them', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    const refused = await handlers.startTraining({ design: sampleDesignText(), data: outside.path, config: {} });
    expect(refused.ok).toBe(false);
    const image = { path: join(outside.path, 'cat.png') };
    expect((await handlers.predict({ model: { kind: 'design', design: '{}' }, images: [image], top: 3 })).ok).toBe(false);
    expect((await handlers.scanDataset({ path: '/etc', inputSize: 75 })).ok).toBe(false);
    expect((await handlers.evaluate({ model: join(root.path, 'model'), data: outside.path })).ok).toBe(false);
    expect(services.compute.calls).toEqual([]);

    await handlers.startTraining({ design: 'd', data: root.path, config: { epochs: 1 } });
    await handlers.predict({ model: { kind: 'modelDir', path: join(root.path, 'model') }, images: [{ name: 'x.png', base64: '' }], top: 1 });
    await handlers.stopTraining({ runId: 'run-1' });
    expect(services.compute.calls.map((call) => call.method)).toEqual(['startTraining', 'predict', 'stopTraining']);
    expect(services.compute.calls[0].request).toMatchObject({ data: root.path, config: { epochs: 1 } });
  });

  it('refuses to resume a run whose run.json names a dataset outside the roots, before any scan', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    const runDir = join(root.path, 'runs', 'planted');
    await mkdir(runDir, { recursive: true });
    const record = { format: 'inception-studio/run', version: 1, runId: 'planted', createdAt: 't', design: sampleDesignText(), designName: 'x', config: {}, classNames: [] };
    for (const field of ['data', 'validation']) {
      await writeFile(join(runDir, 'run.json'), JSON.stringify({ ...record, [field]: outside.path }));
      const refused = await handlers.startTraining({ design: '', config: {}, resumeRunDir: runDir });
      expect(refused, field).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`run\\.json names a ${field === 'data' ? 'dataset' : 'validation set'}, and .*outside the folders`)) });
    }
    expect(services.compute.calls).toEqual([]);
    await writeFile(join(runDir, 'run.json'), '{"format": "inception-studio/run", "data": ');
    expect(await handlers.startTraining({ design: '', config: {}, resumeRunDir: runDir })).toMatchObject({ ok: false, error: expect.stringMatching(/run\.json: not valid JSON/) });
    expect(services.compute.calls).toEqual([]);
  });

  it('hands the compute side the real roots, so paths inside files are held to them too', async () => {
    const services = await fakeServices([root.path]);
    const handlers = createHandlers(services);
    await handlers.scanDataset({ path: root.path, inputSize: 75 });
    await handlers.startTraining({ design: 'd', config: {} });
    await handlers.evaluate({ model: join(root.path, 'model') });
    expect(services.compute.calls.map((call) => call.request)).toEqual([
      expect.objectContaining({ roots: [root.path] }),
      expect.objectContaining({ roots: [root.path] }),
      expect.objectContaining({ roots: [root.path] }),
    ]);
  });
});
