/** The request schemas take their names and ranges from the core: a name added there is accepted here. */

import { describe, expect, it, vi } from 'vitest';
import { ADDED } from '../../app/training/testing/extendedCore';
import type { StudioMethod } from '../../app/protocol';
import { DESIGN_LIMITS } from '../../app/design/limits';
import { IMAGE_CACHE_RANGE } from '../../app/training/imageCache';
import { WORKERS_RANGE } from '../../app/training/replicas';
import { UPLOAD_LIMITS } from '../../app/uploads';
import { MAX_DESIGN_CHARS, requestBodyLimits, requestSchemas } from './requestSchemas';

vi.mock('../../app/training/hyperparameters', async (importOriginal) => {
  const { extendedHyperparameters } = await import('../../app/training/testing/extendedCore');
  return extendedHyperparameters(await importOriginal());
});
vi.mock('../../app/compute/backends', async (importOriginal) => {
  const { extendedBackends } = await import('../../app/training/testing/extendedCore');
  return extendedBackends(await importOriginal());
});

const start = (config: Record<string, unknown>, backend?: string) => requestSchemas.startTraining({ design: '{}', config, ...(backend ? { backend } : {}) }, 'request');

describe('request schemas derived from the core', () => {
  it('accept an optimizer, a hyperparameter and a backend added to the core', () => {
    expect(start({ optimizer: ADDED.optimizer, [ADDED.hyperparameter]: 3 }, ADDED.backend)).toEqual({
      ok: true,
      value: { design: '{}', config: { optimizer: ADDED.optimizer, [ADDED.hyperparameter]: 3 }, backend: ADDED.backend },
    });
    expect(requestSchemas.predict({ model: { kind: 'modelDir', path: '/m' }, images: [], top: 1, backend: ADDED.backend }, 'request')).toMatchObject({ ok: true });
  });

  it('check the added hyperparameter against its range from the core', () => {
    expect(start({ [ADDED.hyperparameter]: 11 })).toEqual({ ok: false, error: `request.config.${ADDED.hyperparameter}: expected a number ≤ 10, found number 11` });
    expect(start({ [ADDED.hyperparameter]: 1.5 })).toMatchObject({ ok: false, error: expect.stringMatching(/expected an integer/) });
  });

  it('still refuse names the core does not have', () => {
    expect(start({ optimizer: 'lbfgs' })).toMatchObject({ ok: false, error: expect.stringMatching(/request\.config\.optimizer: expected "rmsprop" or "sgd" or "adam" or "lion", found "lbfgs"/) });
    expect(start({}, 'tpu')).toMatchObject({ ok: false, error: expect.stringMatching(/or "npu", found "tpu"/) });
  });
});

/** A string limit of one request field: the payload that carries a value there, and the path a refusal names. */
interface StringLimit {
  method: StudioMethod;
  field: string;
  limit: number;
  payload(value: string): unknown;
}

const stringLimits: StringLimit[] = [
  { method: 'openDesign', field: 'path', limit: 4096, payload: (path) => ({ path }) },
  { method: 'listDirectory', field: 'path', limit: 4096, payload: (path) => ({ path }) },
  { method: 'saveDesign', field: 'suggestedName', limit: 255, payload: (suggestedName) => ({ suggestedName, text: '{}' }) },
  { method: 'saveDesign', field: 'text', limit: MAX_DESIGN_CHARS, payload: (text) => ({ suggestedName: 'a', text }) },
  { method: 'setDocumentState', field: 'title', limit: 500, payload: (title) => ({ title, dirty: false }) },
  { method: 'exportFile', field: 'base64', limit: 48_000_000, payload: (base64) => ({ suggestedName: 'a.png', base64 }) },
  { method: 'saveRecovery', field: 'id', limit: 64, payload: (id) => ({ id, name: 'n', text: '{}' }) },
  { method: 'saveRecovery', field: 'name', limit: 500, payload: (name) => ({ id: 'tab', name, text: '{}' }) },
  { method: 'saveRecovery', field: 'file.name', limit: 255, payload: (name) => ({ id: 'tab', name: 'n', file: { path: '/a', name }, text: '{}' }) },
  { method: 'discardRecovery', field: 'id', limit: 64, payload: (id) => ({ id }) },
  { method: 'uploadFiles', field: 'files[0].path', limit: 4096, payload: (path) => ({ folder: '/f', files: [{ path, base64: '' }] }) },
  { method: 'uploadFiles', field: 'files[0].base64', limit: Math.ceil((UPLOAD_LIMITS.fileBytes * 4) / 3) + 4, payload: (base64) => ({ folder: '/f', files: [{ path: 'a.png', base64 }] }) },
  { method: 'modelArchive', field: 'name', limit: 255, payload: (name) => ({ source: '/m', name }) },
  { method: 'pauseTraining', field: 'runId', limit: 200, payload: (runId) => ({ runId }) },
  { method: 'stopTraining', field: 'runId', limit: 200, payload: (runId) => ({ runId }) },
  { method: 'listRuns', field: 'designName', limit: 500, payload: (designName) => ({ designName }) },
  { method: 'predict', field: 'images[0].name', limit: 255, payload: (name) => ({ model: { kind: 'modelDir', path: '/m' }, images: [{ name, base64: '' }], top: 1 }) },
  { method: 'predict', field: 'images[0].base64', limit: 48_000_000, payload: (base64) => ({ model: { kind: 'modelDir', path: '/m' }, images: [{ name: 'a.png', base64 }], top: 1 }) },
  { method: 'saveModel', field: 'suggestedName', limit: 255, payload: (suggestedName) => ({ source: '/m', suggestedName }) },
  { method: 'evaluate', field: 'model', limit: 4096, payload: (model) => ({ model }) },
  { method: 'runEvents', field: 'runDir', limit: 4096, payload: (runDir) => ({ runDir }) },
];

describe('request limits', () => {
  it.each(stringLimits)('$method takes a $field of exactly its limit and refuses one character more', ({ method, field, limit, payload }) => {
    const check = requestSchemas[method] as (value: unknown, path: string) => { ok: boolean; error?: string };
    expect(check(payload('x'.repeat(limit)), 'request').ok).toBe(true);
    const refused = check(payload('x'.repeat(limit + 1)), 'request');
    // A predict image may be a path or a name with base64: the union names both complaints.
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain(`request.${field}: expected at most ${limit} characters, found a long string`);
  });

  it('refuses empty paths, names and ids where a thing must be named', () => {
    expect(requestSchemas.saveDesign({ suggestedName: '', text: '{}' }, 'request')).toEqual({ ok: false, error: 'request.suggestedName: expected a non-empty string, found ""' });
    expect(requestSchemas.pauseTraining({ runId: '' }, 'request')).toEqual({ ok: false, error: 'request.runId: expected a non-empty string, found ""' });
    expect(requestSchemas.saveModel({ source: '', suggestedName: 'm' }, 'request')).toEqual({ ok: false, error: 'request.source: expected a non-empty string, found ""' });
    // An upload's empty relative path would name the folder itself.
    expect(requestSchemas.uploadFiles({ folder: '/f', files: [{ path: '', base64: '' }] }, 'request')).toEqual({ ok: false, error: 'request.files[0].path: expected a non-empty string, found ""' });
    // A title or an unsaved design may be empty.
    expect(requestSchemas.setDocumentState({ title: '', dirty: true }, 'request')).toEqual({ ok: true, value: { title: '', dirty: true } });
    expect(requestSchemas.saveDesign({ suggestedName: 'a', text: '' }, 'request')).toEqual({ ok: true, value: { suggestedName: 'a', text: '' } });
  });

  it('takes numbers at the edges of their ranges and refuses the next ones out', () => {
    const scan = (inputSize: unknown) => requestSchemas.scanDataset({ inputSize }, 'request');
    expect(scan(1).ok && scan(DESIGN_LIMITS.inputSize).ok).toBe(true);
    expect(scan(0)).toMatchObject({ ok: false, error: 'request.inputSize: expected a number ≥ 1, found number 0' });
    expect(scan(DESIGN_LIMITS.inputSize + 1)).toMatchObject({ ok: false, error: `request.inputSize: expected a number ≤ ${DESIGN_LIMITS.inputSize}, found number ${DESIGN_LIMITS.inputSize + 1}` });
    expect(scan(75.5)).toMatchObject({ ok: false, error: 'request.inputSize: expected an integer, found number 75.5' });
    const predict = (top: number, images: unknown[] = []) => requestSchemas.predict({ model: { kind: 'modelDir', path: '/m' }, images, top }, 'request');
    expect(predict(1).ok && predict(1000).ok).toBe(true);
    expect(predict(0)).toMatchObject({ ok: false, error: 'request.top: expected a number ≥ 1, found number 0' });
    expect(predict(1001)).toMatchObject({ ok: false, error: 'request.top: expected a number ≤ 1000, found number 1001' });
    expect(predict(2.5)).toMatchObject({ ok: false, error: 'request.top: expected an integer, found number 2.5' });
    expect(predict(1, Array.from({ length: 1000 }, () => ({ path: '/a.png' }))).ok).toBe(true);
    expect(predict(1, Array.from({ length: 1001 }, () => ({ path: '/a.png' })))).toMatchObject({ ok: false, error: 'request.images: expected at most 1000 items, found an array' });
    const train = (extra: Record<string, unknown>) => requestSchemas.startTraining({ design: '{}', config: {}, ...extra }, 'request');
    expect(train({ memoryBytes: 1, workers: WORKERS_RANGE.min }).ok && train({ workers: WORKERS_RANGE.max }).ok).toBe(true);
    expect(train({ memoryBytes: 0.5 })).toMatchObject({ ok: false, error: 'request.memoryBytes: expected a number ≥ 1, found number 0.5' });
    expect(train({ workers: WORKERS_RANGE.max + 1 })).toMatchObject({ ok: false, error: `request.workers: expected a number ≤ ${WORKERS_RANGE.max}, found number ${WORKERS_RANGE.max + 1}` });
  });

  it('take every alternative of a choice, and refuse another naming them all', () => {
    const control = (action: unknown) => requestSchemas.controlExperiment({ id: 'e', action }, 'request');
    for (const action of [{ type: 'pause' }, { type: 'resume' }, { type: 'cancel', runId: 'r' }, { type: 'move', runId: 'r', index: 100_000 }]) expect(control(action), action.type).toEqual({ ok: true, value: { id: 'e', action } });
    expect(control({ type: 'cancel' }).ok).toBe(false);
    expect(control({ type: 'move', runId: 'r', index: 100_001 }).ok).toBe(false);
    expect(control({ type: 'move', runId: 'r', index: 0.5 })).toMatchObject({ ok: false, error: expect.stringContaining('request.action.index: expected an integer, found number 0.5') });
    expect(control({ type: 'stop' })).toMatchObject({ ok: false, error: expect.stringMatching(/expected "pause".*; or .*expected "resume".*; or .*expected "cancel".*; or .*expected "move", found "stop"/) });
    const exportTo = (to: string, source: unknown = { kind: 'modelDir', path: '/m' }) => requestSchemas.exportModel({ format: 'onnx', source, suggestedName: 'n', to }, 'request');
    expect(exportTo('host').ok && exportTo('download').ok).toBe(true);
    expect(exportTo('disk')).toEqual({ ok: false, error: 'request.to: expected "host" or "download", found "disk"' });
    const predict = (model: unknown, images: unknown[]) => requestSchemas.predict({ model, images, top: 1 }, 'request');
    expect(predict({ kind: 'design', design: '{}' }, [{ path: '/a.png' }, { name: 'b.png', base64: '' }]).ok).toBe(true);
    expect(predict({ kind: 'design', design: '{}' }, [{ name: 'b.png' }]).ok).toBe(false);
    for (const kind of ['folder', 'csv']) expect(requestSchemas.chooseDataset({ kind }, 'request').ok, kind).toBe(true);
    for (const kind of ['file', 'folder']) expect(requestSchemas.chooseImportSource({ kind }, 'request').ok, kind).toBe(true);
  });

  it('take a seed from 0 to 2³¹ − 1, runs side by side from 1, an image cache from 0 MB, and refuse the next ones out', () => {
    const seed = (value: number) => requestSchemas.exportModel({ format: 'onnx', source: { kind: 'design', design: '{}', seed: value }, suggestedName: 'n', to: 'download' }, 'request');
    expect(seed(0).ok && seed(2 ** 31 - 1).ok).toBe(true);
    expect(seed(-1)).toMatchObject({ ok: false, error: 'request.source.seed: expected a number ≥ 0, found number -1; or request.source.kind: expected "modelDir", found "design"' });
    expect(seed(2 ** 31).ok || seed(1.5).ok).toBe(false);
    const parallel = (value: number) => requestSchemas.startExperiment({ spec: '{}', parallel: value }, 'request');
    expect(parallel(1).ok && parallel(16).ok).toBe(true);
    expect(parallel(0)).toEqual({ ok: false, error: 'request.parallel: expected a number ≥ 1, found number 0' });
    expect(parallel(1.5)).toEqual({ ok: false, error: 'request.parallel: expected an integer, found number 1.5' });
    const cache = (value: number) => requestSchemas.startTraining({ design: '{}', config: { augment: true }, imageCacheMegabytes: value }, 'request');
    expect(cache(IMAGE_CACHE_RANGE.min).ok && cache(IMAGE_CACHE_RANGE.max).ok).toBe(true);
    expect(cache(-1)).toEqual({ ok: false, error: 'request.imageCacheMegabytes: expected a number ≥ 0, found number -1' });
    expect(cache(IMAGE_CACHE_RANGE.max + 1).ok).toBe(false);
    expect(requestSchemas.startTraining({ design: '{}', config: { augment: 'yes' } }, 'request')).toEqual({ ok: false, error: 'request.config.augment: expected true or false, found "yes"' });
  });

  it('limits an upload request to its count of files', () => {
    const upload = (count: number) => requestSchemas.uploadFiles({ folder: '/f', files: Array.from({ length: count }, () => ({ path: 'a.png', base64: '' })) }, 'request');
    expect(upload(UPLOAD_LIMITS.filesPerRequest).ok).toBe(true);
    expect(upload(UPLOAD_LIMITS.filesPerRequest + 1)).toMatchObject({ ok: false, error: `request.files: expected at most ${UPLOAD_LIMITS.filesPerRequest} items, found an array` });
  });
});

describe('request body limits', () => {
  /** The body a request makes as the web host reads it: JSON, its strings escaped. */
  const bodyBytes = (payload: unknown): number => Buffer.byteLength(JSON.stringify(payload));
  const worstDesign = '"\n'.repeat(MAX_DESIGN_CHARS / 2);

  it('fit the largest request each schema accepts, escaped at its worst', () => {
    const longPath = '"'.repeat(4096);
    for (const method of ['openDesign', 'listDirectory', 'runEvents'] as const) {
      const payload = method === 'openDesign' ? { path: longPath } : method === 'listDirectory' ? { path: longPath } : { runDir: longPath };
      expect(bodyBytes(payload), method).toBeLessThanOrEqual(requestBodyLimits[method]);
    }
    expect(bodyBytes({ suggestedName: '"'.repeat(255), text: worstDesign, path: longPath })).toBeLessThanOrEqual(requestBodyLimits.saveDesign);
    expect(bodyBytes({ id: 'x'.repeat(64), name: '"'.repeat(500), file: { path: longPath, name: '"'.repeat(255) }, text: worstDesign })).toBeLessThanOrEqual(requestBodyLimits.saveRecovery);
    expect(bodyBytes({ design: worstDesign, config: {}, data: longPath, validation: longPath, resumeRunDir: longPath, designFile: longPath })).toBeLessThanOrEqual(requestBodyLimits.startTraining);
    const image = 'A'.repeat(48_000_000);
    expect(bodyBytes({ model: { kind: 'design', design: worstDesign }, images: [{ name: 'a.png', base64: image }, { name: 'b.png', base64: image }], top: 5 })).toBeLessThanOrEqual(requestBodyLimits.predict);
    expect(bodyBytes({ suggestedName: '"'.repeat(255), base64: image })).toBeLessThanOrEqual(requestBodyLimits.exportFile);
    const exported = { format: 'pytorch', source: { kind: 'design', design: worstDesign, seed: 2 ** 31 - 1 }, suggestedName: '"'.repeat(255), to: 'download', path: longPath };
    expect(bodyBytes(exported)).toBeLessThanOrEqual(requestBodyLimits.exportModel);
    const worstSpec = '"\n'.repeat(1_000_000 / 2);
    expect(bodyBytes({ spec: worstSpec })).toBeLessThanOrEqual(requestBodyLimits.previewExperiment);
    expect(bodyBytes({ spec: worstSpec, parallel: 16 })).toBeLessThanOrEqual(requestBodyLimits.startExperiment);
  });

  it('let one upload request carry its bytes as base64 with a long path per file, and no more than that', () => {
    const base64Bytes = Math.ceil((UPLOAD_LIMITS.requestBytes * 4) / 3);
    const paths = UPLOAD_LIMITS.filesPerRequest * 4 * 1024;
    expect(requestBodyLimits.uploadFiles).toBeGreaterThanOrEqual(base64Bytes + paths);
    expect(requestBodyLimits.uploadFiles).toBeLessThan(base64Bytes + paths + 128 * 1024);
  });

  it('keep the methods without a document or a file small', () => {
    for (const method of ['info', 'openDesign', 'listDirectory', 'recentFiles', 'setDocumentState', 'recoveryCopies', 'discardRecovery', 'modelArchive', 'backends', 'doctor', 'chooseDataset', 'scanDataset', 'pauseTraining', 'resumeTraining', 'stopTraining', 'listRuns', 'saveModel', 'evaluate', 'runEvents', 'chooseImportSource', 'importModel', 'listExperiments', 'experimentStatus', 'controlExperiment', 'experimentReport'] as const) {
      expect(requestBodyLimits[method], method).toBe(64 * 1024);
    }
    for (const method of ['saveDesign', 'saveRecovery', 'startTraining', 'exportModel'] as const) expect(requestBodyLimits[method], method).toBeLessThan(2 * MAX_DESIGN_CHARS + 128 * 1024);
    for (const method of ['previewExperiment', 'startExperiment'] as const) expect(requestBodyLimits[method], method).toBeLessThan(2 * 1_000_000 + 128 * 1024);
    expect(requestBodyLimits.exportFile).toBeLessThan(48_000_000 + 128 * 1024);
  });
});
