import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeServices, sampleDesignText, useHostFolders } from '../testing/fakeHost';
import { computeHandlers } from './computeHandlers';

const { root, outside } = useHostFolders('compute-handlers-root', 'compute-handlers-outside');

/** Handlers over one root, with `link` a symbolic link inside it to its folder `real`. */
async function setUp() {
  const services = await fakeServices([root.path]);
  const real = join(root.path, 'real');
  const link = join(root.path, 'link');
  await mkdir(real);
  await symlink(real, link);
  return { services, handlers: computeHandlers(services), real, link };
}

/** A run folder whose run.json names `paths` as its dataset and validation set. */
async function runFolder(paths: { data?: string; validation?: string }): Promise<string> {
  const runDir = join(root.path, 'runs', 'earlier');
  await mkdir(runDir, { recursive: true });
  const record = { format: 'inception-studio/run', version: 1, runId: 'earlier', createdAt: 't', design: sampleDesignText(), designName: 'x', config: {}, classNames: [], ...paths };
  await writeFile(join(runDir, 'run.json'), JSON.stringify(record));
  return runDir;
}

describe('compute handlers', () => {
  it('hand the trainer each path made real, in its own field, and leave absent ones absent', async () => {
    const { services, handlers, real, link } = await setUp();
    const other = join(root.path, 'other');
    await mkdir(other);
    await handlers.startTraining({ design: 'd', data: link, validation: other, config: {} });
    await handlers.scanDataset({ path: link, inputSize: 75 });
    await handlers.scanDataset({ inputSize: 75 });
    await handlers.evaluate({ model: link, data: other });
    await handlers.evaluate({ model: other });
    expect(services.compute.calls.map((call) => call.request)).toEqual([
      { design: 'd', data: real, validation: other, resumeRunDir: undefined, config: {}, roots: [root.path] },
      { path: real, inputSize: 75, roots: [root.path] },
      { path: undefined, inputSize: 75, roots: [root.path] },
      { model: real, data: other, roots: [root.path] },
      { model: other, data: undefined, roots: [root.path] },
    ]);
  });

  it('predict: the model folder and each image path made real, images sent as bytes untouched and in order', async () => {
    const { services, handlers, real, link } = await setUp();
    const bytes = { name: 'b.png', base64: 'AAAA' };
    await handlers.predict({ model: { kind: 'modelDir', path: link }, images: [{ path: join(link, 'a.png') }, bytes, { path: join(root.path, 'c.png') }], top: 5 });
    await handlers.predict({ model: { kind: 'design', design: 'd' }, images: [bytes, { path: join(link, 'd.png') }], top: 1, backend: 'cpu' });
    expect(services.compute.calls.map((call) => call.request)).toEqual([
      { model: { kind: 'modelDir', path: real }, images: [{ path: join(real, 'a.png') }, bytes, { path: join(root.path, 'c.png') }], top: 5 },
      { model: { kind: 'design', design: 'd' }, images: [bytes, { path: join(real, 'd.png') }], top: 1, backend: 'cpu' },
    ]);
  });

  it('refuse the first path outside the roots with the policy’s message, whichever field names it', async () => {
    const { services, handlers } = await setUp();
    const away = join(outside.path, 'x');
    const refusals = [
      handlers.startTraining({ design: 'd', validation: away, config: {} }),
      handlers.startTraining({ design: 'd', resumeRunDir: away, config: {} }),
      handlers.scanDataset({ path: away, inputSize: 75 }),
      handlers.evaluate({ model: away }),
      handlers.evaluate({ model: root.path, data: away }),
      handlers.predict({ model: { kind: 'modelDir', path: away }, images: [], top: 1 }),
      handlers.predict({ model: { kind: 'design', design: 'd' }, images: [{ path: join(root.path, 'a.png') }, { path: away }], top: 1 }),
    ];
    for (const refused of await Promise.all(refusals)) expect(refused).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^"${away}" is outside the folders`)) });
    expect(services.compute.calls).toEqual([]);
  });

  it('resume a run whose run.json names its datasets inside the roots, or none', async () => {
    const { services, handlers, real } = await setUp();
    const runDir = await runFolder({ data: real, validation: real });
    expect(await handlers.startTraining({ design: 'd', config: {}, resumeRunDir: runDir })).toEqual({ ok: true, value: { runId: 'run-1', runDir: '/runs/run-1' } });
    await runFolder({});
    await handlers.startTraining({ design: 'd', config: {}, resumeRunDir: runDir });
    expect(services.compute.calls.map((call) => (call.request as { resumeRunDir: string }).resumeRunDir)).toEqual([runDir, runDir]);
  });

  it('refuse to resume a folder without a run.json, saying so, and a run.json that leads out of the roots', async () => {
    const { services, handlers } = await setUp();
    const empty = join(root.path, 'empty');
    await mkdir(empty);
    expect(await handlers.startTraining({ design: 'd', config: {}, resumeRunDir: empty })).toEqual({ ok: false, error: `Cannot resume: ${join(empty, 'run.json')} not found — is ${empty} a training run folder?` });
    const linked = join(root.path, 'linked');
    await mkdir(linked);
    await writeFile(join(outside.path, 'run.json'), '{}');
    await symlink(join(outside.path, 'run.json'), join(linked, 'run.json'));
    expect(await handlers.startTraining({ design: 'd', config: {}, resumeRunDir: linked })).toEqual({ ok: false, error: expect.stringMatching(/run\.json" is outside the folders/) });
    expect(services.compute.calls).toEqual([]);
  });

  it('pass the requests without paths straight through', async () => {
    const { services, handlers } = await setUp();
    await handlers.backends();
    await handlers.doctor({ benchmark: false });
    await handlers.pauseTraining({ runId: 'a' });
    await handlers.resumeTraining({ runId: 'b' });
    await handlers.stopTraining({ runId: 'c' });
    await handlers.listRuns({ designName: 'net' });
    expect(services.compute.calls).toEqual([
      { method: 'backends', request: undefined },
      { method: 'doctor', request: { benchmark: false } },
      { method: 'pauseTraining', request: { runId: 'a' } },
      { method: 'resumeTraining', request: { runId: 'b' } },
      { method: 'stopTraining', request: { runId: 'c' } },
      { method: 'listRuns', request: { designName: 'net' } },
    ]);
  });
});
