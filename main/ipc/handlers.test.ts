import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import { fakeServices, sampleDesignText, scriptedDialogs, tempFolder, TEST_VERSIONS } from '../testing/fakeHost';

let root: Awaited<ReturnType<typeof tempFolder>>;
let outside: Awaited<ReturnType<typeof tempFolder>>;

beforeEach(async () => {
  root = await tempFolder('handlers-root');
  outside = await tempFolder('handlers-outside');
});
afterEach(async () => {
  await root.remove();
  await outside.remove();
});

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

  it('refuses a path outside the roots', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.saveDesign({ path: join(outside.path, 'x.incept.json'), suggestedName: 'x', text: sampleDesignText() });
    expect(result.ok).toBe(false);
    expect(await readdir(outside.path)).toEqual([]);
  });
});

describe('other handlers', () => {
  it('exportFile decodes base64 into the chosen file', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.exportFile({ suggestedName: 'graph.svg', base64: Buffer.from('<svg/>').toString('base64') });
    expect(result).toMatchObject({ ok: true, value: { name: 'graph.svg' } });
    expect(await readFile(join(root.path, 'graph.svg'), 'utf8')).toBe('<svg/>');
  });

  it('listDirectory lists folders first, hides dot files, refuses outside paths', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await mkdir(join(root.path, 'zeta'));
    await writeFile(join(root.path, 'alpha.txt'), '');
    await writeFile(join(root.path, '.hidden'), '');
    const listed = await handlers.listDirectory({ path: root.path });
    expect(listed).toEqual({
      ok: true,
      value: [
        { name: 'zeta', path: join(root.path, 'zeta'), kind: 'directory' },
        { name: 'alpha.txt', path: join(root.path, 'alpha.txt'), kind: 'file' },
      ],
    });
    expect((await handlers.listDirectory({ path: outside.path })).ok).toBe(false);
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
});
