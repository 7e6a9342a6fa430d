import { describe, expect, it } from 'vitest';
import type { StudioMethod } from '../../app/protocol';
import { studioMethodNames } from '../../app/protocol';
import { dispatchRequest, isTrustedSenderUrl } from './dispatch';
import type { Handlers } from './handlerTypes';

/** Handlers that echo the validated request, so the tests see exactly what passed validation. */
const echo = Object.fromEntries(studioMethodNames.map((method) => [method, async (request: unknown) => ({ method, request })])) as unknown as Handlers;

const valid: { [M in StudioMethod]: unknown } = {
  info: undefined,
  openDesign: { path: '/home/me/a.incept.json' },
  saveDesign: { suggestedName: 'a.incept.json', text: '{}' },
  listDirectory: { path: '/home/me' },
  recentFiles: null,
  setDocumentState: { title: 'Untitled', dirty: true },
  exportFile: { suggestedName: 'a.png', base64: 'AAAA' },
  saveRecovery: { id: 'tab-1', name: 'Net', file: { path: '/home/me/a.incept.json', name: 'a.incept.json' }, text: '{}' },
  recoveryCopies: undefined,
  discardRecovery: { id: 'tab-1' },
  uploadFiles: { folder: '/home/me', files: [{ path: 'flowers/rose/1.jpg', base64: 'AAAA' }] },
  modelArchive: { source: '/runs/r/checkpoints/best' },
  backends: undefined,
  doctor: { benchmark: true },
  chooseDataset: { kind: 'csv' },
  scanDataset: { inputSize: 75 },
  startTraining: { design: '{}', config: { epochs: 2, optimizer: 'rmsprop' }, backend: 'cpu' },
  pauseTraining: { runId: 'r' },
  resumeTraining: { runId: 'r' },
  stopTraining: { runId: 'r' },
  listRuns: {},
  predict: { model: { kind: 'modelDir', path: '/m' }, images: [{ path: '/a.png' }, { name: 'b.png', base64: 'AA' }], top: 5 },
  saveModel: { source: '/runs/r/checkpoints/best', suggestedName: 'model' },
  evaluate: { model: '/runs/r/checkpoints/best', data: '/data', backend: 'wasm' },
  runEvents: { runDir: '/runs/r' },
  exportModel: { format: 'onnx', source: { kind: 'design', design: '{}', seed: 3 }, suggestedName: 'net', to: 'download' },
  chooseImportSource: { kind: 'folder' },
  importModel: { source: '/exports/net.onnx', suggestedName: 'net-model' },
  listExperiments: undefined,
  previewExperiment: { spec: '{}' },
  startExperiment: { spec: '{}', parallel: 2 },
  experimentStatus: { id: 'residual-vs-plain' },
  controlExperiment: { id: 'residual-vs-plain', action: { type: 'move', runId: 'plain-seed2', index: 0 } },
  experimentReport: { id: 'residual-vs-plain' },
};

const invalid: { [M in StudioMethod]: [unknown, RegExp] } = {
  info: [{ sneaky: 1 }, /request: expected no argument/],
  openDesign: [{ path: 42 }, /request\.path: expected a string, found number 42/],
  saveDesign: [{ suggestedName: 'a', text: '{}', extra: true }, /request\.extra: unexpected field/],
  listDirectory: [{ path: '' }, /request\.path: expected a non-empty string/],
  recentFiles: ['x', /expected no argument/],
  setDocumentState: [{ title: 't', dirty: 'yes' }, /request\.dirty: expected true or false/],
  exportFile: [{ suggestedName: 'a', base64: null }, /request\.base64: expected a string, found null/],
  saveRecovery: [{ id: 'tab-1', name: 'Net', file: null, text: '{}' }, /request\.file: expected an object, found null/],
  recoveryCopies: [{}, /expected no argument/],
  discardRecovery: [{ id: '' }, /request\.id: expected a non-empty string/],
  uploadFiles: [{ folder: '/home/me', files: [{ path: 'a.png' }] }, /request\.files\[0\]\.base64: expected a string, found undefined/],
  modelArchive: [{ source: '/m', name: '' }, /request\.name: expected a non-empty string/],
  backends: [[], /expected no argument/],
  doctor: [{ benchmark: 'yes' }, /request\.benchmark: expected true or false/],
  chooseDataset: [{ kind: 'zip' }, /request\.kind: expected "folder" or "csv", found "zip"/],
  scanDataset: [{ inputSize: 0 }, /request\.inputSize: expected a number ≥ 1/],
  startTraining: [{ design: '{}', config: { epochs: 1.5 } }, /request\.config\.epochs: expected an integer/],
  pauseTraining: [{}, /request\.runId: expected a string/],
  resumeTraining: [null, /request: expected an object, found null/],
  stopTraining: [{ runId: 'a\0b' }, /without NUL/],
  listRuns: [{ designName: ['x'] }, /request\.designName: expected a string, found an array/],
  predict: [{ model: { kind: 'weights', path: '/m' }, images: [], top: 1 }, /request\.model\.kind: expected "design", found "weights"; or request\.model\.kind: expected "modelDir"/],
  evaluate: [{ model: '/m', backend: 'tpu' }, /request\.backend: expected "tensorflow-gpu" or "webgpu" or "tensorflow" or "wasm" or "cpu", found "tpu"/],
  saveModel: [{ source: '/m' }, /request\.suggestedName: expected a string, found undefined/],
  runEvents: [{ runDir: '/r'.repeat(3000) }, /request\.runDir: expected at most 4096 characters/],
  exportModel: [{ format: 'svg', source: { kind: 'modelDir', path: '/m' }, suggestedName: 'net', to: 'host' }, /request\.format: expected "onnx" or "pytorch" or "tfjs", found "svg"/],
  chooseImportSource: [{ kind: 'zip' }, /request\.kind: expected "file" or "folder", found "zip"/],
  importModel: [{ source: '/m', suggestedName: 'x', path: 7 }, /request\.path: expected a string, found number 7/],
  listExperiments: [{}, /expected no argument/],
  previewExperiment: [{ spec: '' }, /request\.spec: expected a non-empty string/],
  startExperiment: [{ spec: '{}', parallel: 17 }, /request\.parallel: expected a number ≤ 16/],
  experimentStatus: [{}, /request\.id: expected a string/],
  controlExperiment: [{ id: 'e', action: { type: 'move', runId: 'r', index: -1 } }, /request\.action\.index: expected a number ≥ 0/],
  experimentReport: [{ id: '' }, /request\.id: expected a non-empty string/],
};

describe('dispatchRequest', () => {
  it.each(studioMethodNames)('%s: a valid payload from the app page reaches its handler', async (method) => {
    const result = await dispatchRequest(echo, method, valid[method], true);
    expect(result).toEqual({ status: 'ok', value: { method, request: valid[method] ?? undefined } });
  });

  it.each(studioMethodNames)('%s: an invalid payload is refused, naming the field', async (method) => {
    const [payload, message] = invalid[method];
    const result = await dispatchRequest(echo, method, payload, true);
    expect(result).toMatchObject({ status: 'refused', reason: 'payload', message: expect.stringMatching(message) });
  });

  it.each(studioMethodNames)('%s: a call from any other sender is refused before validation', async (method) => {
    expect(await dispatchRequest(echo, method, valid[method], false)).toEqual({ status: 'refused', reason: 'sender', message: `${method}: the caller is not the app's own page` });
  });

  it('refuses unknown methods, including inherited property names', async () => {
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      expect(await dispatchRequest(echo, name, {}, true)).toEqual({ status: 'refused', reason: 'method', message: `unknown method "${name}"` });
    }
  });
});

describe('isTrustedSenderUrl', () => {
  it('accepts only the app protocol host', () => {
    expect(isTrustedSenderUrl('app://studio/index.html')).toBe(true);
    for (const url of ['file:///index.html', 'https://studio/', 'app://evil/index.html', 'http://127.0.0.1:4780/', '', undefined, 'not a url']) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });
});
