import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from './handlers';
import { fakeServices, scriptedDialogs, tempFolder } from '../testing/fakeHost';

let root: Awaited<ReturnType<typeof tempFolder>>;
let runDir: string;
let checkpoint: string;

beforeEach(async () => {
  root = await tempFolder('run-handlers');
  runDir = join(root.path, 'runs', 'r1');
  checkpoint = join(runDir, 'checkpoints', 'best');
  await mkdir(checkpoint, { recursive: true });
  await writeFile(join(checkpoint, 'model.json'), '{"modelTopology":{}}');
  await writeFile(join(checkpoint, 'weights.bin'), new Uint8Array([1, 2, 3]));
  const events = [
    { time: 't0', type: 'start', runId: 'r1' },
    { time: 't1', type: 'epoch', epoch: 1 },
    { time: 't2', type: 'done', reason: 'completed', epochs: 1, bestValTop1: 0.9, lastCheckpoint: null },
  ];
  await writeFile(join(runDir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
});
afterEach(() => root.remove());

describe('saveModel', () => {
  it('copies a checkpoint to a new model directory (web host: a free name in the first root)', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const first = await handlers.saveModel({ source: checkpoint, suggestedName: 'my-model' });
    expect(first).toEqual({ ok: true, value: { path: join(root.path, 'my-model'), name: 'my-model' } });
    expect((await readdir(join(root.path, 'my-model'))).sort()).toEqual(['model.json', 'weights.bin']);
    expect(await readFile(join(root.path, 'my-model', 'weights.bin'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: 'my-model' })).toMatchObject({ ok: true, value: { name: 'my-model (2)' } });
  });

  it('uses the dialog on the desktop, refuses an existing target and a folder that is not a model', async () => {
    const existing = join(root.path, 'taken');
    await mkdir(existing);
    const handlers = createHandlers(await fakeServices([root.path], { dialogs: scriptedDialogs([null, existing]) }));
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: 'm' })).toEqual({ ok: true, value: null });
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: 'm' })).toMatchObject({ ok: false, error: expect.stringMatching(/already exists/) });
    expect(await handlers.saveModel({ source: runDir, suggestedName: 'm' })).toMatchObject({ ok: false, error: expect.stringMatching(/not a model directory/) });
  });

  it('says why a copy failed, and leaves no half-copied model behind', async () => {
    // A pipe is one thing a copy cannot take.
    expect(spawnSync('mkfifo', [join(checkpoint, 'pipe')]).status).toBe(0);
    const handlers = createHandlers(await fakeServices([root.path]));
    const target = join(root.path, 'my-model');
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: 'my-model' })).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^Could not save the model to ${target}: .*FIFO`)) });
    expect((await readdir(root.path)).sort()).toEqual(['runs']);
  });

  it('never names a model folder with a dot', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: '.ssh' })).toMatchObject({ ok: false, error: expect.stringMatching(/dot/) });
    expect(await handlers.saveModel({ source: checkpoint, path: join(root.path, '.config'), suggestedName: 'm' })).toMatchObject({ ok: false, error: expect.stringMatching(/dot/) });
    expect((await readdir(root.path)).sort()).toEqual(['runs']);
  });

  it('refuses a source outside the roots', async () => {
    const other = await tempFolder('run-handlers-other');
    const handlers = createHandlers(await fakeServices([other.path]));
    expect(await handlers.saveModel({ source: checkpoint, suggestedName: 'm' })).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
    await other.remove();
  });
});

describe('runEvents', () => {
  it('returns the logged events in order', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    const result = await handlers.runEvents({ runDir });
    expect(result).toMatchObject({ ok: true, value: [{ type: 'start' }, { type: 'epoch', epoch: 1 }, { type: 'done', reason: 'completed' }] });
  });

  it('names a folder without a log, and the line of a damaged one', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.runEvents({ runDir: root.path })).toMatchObject({ ok: false, error: expect.stringMatching(/no event log/) });
    await writeFile(join(runDir, 'events.jsonl'), '{"type":"start"}\n{broken\n');
    expect(await handlers.runEvents({ runDir })).toMatchObject({ ok: false, error: expect.stringMatching(/events\.jsonl, line 2: not a JSON event/) });
  });

  it('skips a line torn by a crash mid-write with a warning, so the run still opens', async () => {
    const handlers = createHandlers(await fakeServices([root.path]));
    await writeFile(join(runDir, 'events.jsonl'), '{"type":"start","runId":"r1"}\n{"type":"epoch","epoch":1}\n{"type":"epo');
    const result = await handlers.runEvents({ runDir });
    expect(result).toEqual({
      ok: true,
      value: [
        { type: 'start', runId: 'r1' },
        { type: 'epoch', epoch: 1 },
        { type: 'log', level: 'warning', message: expect.stringMatching(/events\.jsonl, line 3: not a complete event \(a crash mid-write\?\); skipped/) },
      ],
    });
  });

  it('reads an event log through a link only when its target is inside the roots', async () => {
    const other = await tempFolder('run-handlers-link');
    await writeFile(join(other.path, 'events.jsonl'), '{"type":"start"}\n');
    await rm(join(runDir, 'events.jsonl'));
    await symlink(join(other.path, 'events.jsonl'), join(runDir, 'events.jsonl'));
    const handlers = createHandlers(await fakeServices([root.path]));
    expect(await handlers.runEvents({ runDir })).toMatchObject({ ok: false, error: expect.stringMatching(/outside the folders/) });
    await other.remove();
  });
});
