import { describe, expect, it } from 'vitest';
import { parseTrainerCommand } from './processProtocol';

/** The smallest start request the trainer accepts: a design, a run folder and a config. */
const minimalRequest = { design: '{"format":2}', runDir: '/runs/a', config: {} };
const start = (request: Record<string, unknown>) => parseTrainerCommand({ type: 'start', request });
const startWith = (fields: Record<string, unknown>) => start({ ...minimalRequest, ...fields });
const rejection = (error: string) => ({ ok: false, error });

describe('parseTrainerCommand: the message itself', () => {
  it('refuses anything that is not an object with a string type, null and arrays included', () => {
    const error = 'trainer message must be an object with a string "type"';
    for (const value of [null, undefined, 'start', 3, {}, { type: 1 }, ['pause']]) expect(parseTrainerCommand(value)).toEqual(rejection(error));
  });

  it('passes pause, resume and stop on with their type only', () => {
    for (const type of ['pause', 'resume', 'stop']) expect(parseTrainerCommand({ type, extra: 1 })).toEqual({ ok: true, value: { type } });
  });

  it('names an unknown type, including near-misses of a known one', () => {
    expect(parseTrainerCommand({ type: 'Stop' })).toEqual(rejection("unknown trainer message type 'Stop'"));
    expect(parseTrainerCommand({ type: 'starts' })).toEqual(rejection("unknown trainer message type 'starts'"));
  });
});

describe('parseTrainerCommand: start', () => {
  it('accepts the minimal request and hands it on unchanged', () => {
    expect(start(minimalRequest)).toEqual({ ok: true, value: { type: 'start', request: minimalRequest } });
  });

  it('accepts every optional field when it has the right type', () => {
    const request = {
      ...minimalRequest,
      runId: 'run-1',
      data: '/data/train',
      validation: '/data/val',
      backend: 'wasm',
      designFile: '/designs/a.json',
      resume: false,
      memoryBytes: 1,
      workers: 64,
      imageCacheMegabytes: 0,
      roots: ['/data', '/runs'],
    };
    expect(start(request)).toEqual({ ok: true, value: { type: 'start', request } });
    expect(startWith({ resume: true, workers: 1, imageCacheMegabytes: 65536, roots: [] }).ok).toBe(true);
  });

  it('needs the request as an object', () => {
    const error = 'start: "request" must be an object';
    expect(parseTrainerCommand({ type: 'start' })).toEqual(rejection(error));
    expect(parseTrainerCommand({ type: 'start', request: null })).toEqual(rejection(error));
    expect(parseTrainerCommand({ type: 'start', request: [minimalRequest] })).toEqual(rejection(error));
  });

  it('needs the design document as text, not as a parsed object', () => {
    expect(startWith({ design: { format: 2 } })).toEqual(rejection('start: "request.design" must be the design document text'));
    expect(startWith({ design: '' }).ok).toBe(true);
  });

  it('needs a run folder that is a non-empty path', () => {
    const error = 'start: "request.runDir" must be a folder path';
    expect(startWith({ runDir: '' })).toEqual(rejection(error));
    expect(startWith({ runDir: 7 })).toEqual(rejection(error));
    expect(startWith({ runDir: undefined })).toEqual(rejection(error));
    expect(startWith({ runDir: ' ' }).ok).toBe(true);
  });

  it('refuses each optional text field given as something else', () => {
    const error = 'start: "runId", "data", "validation", "backend" and "designFile" must be strings when given';
    for (const field of ['runId', 'data', 'validation', 'backend', 'designFile']) {
      expect(startWith({ [field]: 1 }), field).toEqual(rejection(error));
      expect(startWith({ [field]: null }), field).toEqual(rejection(error));
    }
  });

  it('needs the config as an object, not null or an array', () => {
    const error = 'start: "request.config" must be an object';
    for (const config of [undefined, null, [], 'epochs=1']) expect(startWith({ config })).toEqual(rejection(error));
  });

  it('takes resume as a boolean only', () => {
    const error = 'start: "request.resume" must be true or false';
    expect(startWith({ resume: 'true' })).toEqual(rejection(error));
    expect(startWith({ resume: 1 })).toEqual(rejection(error));
  });

  it('takes a memory budget as a positive number of bytes only', () => {
    const error = 'start: "request.memoryBytes" must be a positive number of bytes';
    for (const memoryBytes of [0, -1, '1024', null]) expect(startWith({ memoryBytes }), String(memoryBytes)).toEqual(rejection(error));
    expect(startWith({ memoryBytes: 0.5 }).ok).toBe(true);
  });

  it('says why a worker count is refused', () => {
    expect(startWith({ workers: '2' })).toEqual(rejection('start: "request.workers": workers must be a number'));
    expect(startWith({ workers: 0 })).toEqual(rejection('start: "request.workers": workers must be a whole number in [1, 64], got 0'));
    expect(startWith({ workers: 1.5 })).toEqual(rejection('start: "request.workers": workers must be a whole number in [1, 64], got 1.5'));
    expect(startWith({ workers: 65 }).ok).toBe(false);
  });

  it('says why an image cache budget is refused', () => {
    expect(startWith({ imageCacheMegabytes: '64' })).toEqual(rejection('start: "request.imageCacheMegabytes": the image cache must be a number'));
    expect(startWith({ imageCacheMegabytes: -1 })).toEqual(rejection('start: "request.imageCacheMegabytes": the image cache must be a whole number in [0, 65536] MB, got -1'));
    expect(startWith({ imageCacheMegabytes: 65537 }).ok).toBe(false);
  });

  it('takes roots as a list of paths only', () => {
    const error = 'start: "request.roots" must be an array of folder paths';
    expect(startWith({ roots: '/data' })).toEqual(rejection(error));
    expect(startWith({ roots: ['/data', 3] })).toEqual(rejection(error));
    expect(startWith({ roots: [3, '/data'] })).toEqual(rejection(error));
    expect(startWith({ roots: null })).toEqual(rejection(error));
  });
});
