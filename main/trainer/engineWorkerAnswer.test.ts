import { describe, expect, it } from 'vitest';
import { answerEngineRequest, type EngineWorkerAnswers } from './engineWorkerAnswer';

const answers: EngineWorkerAnswers = {
  backends: async () => ({ active: 'cpu', device: 'test CPU', backends: [] }),
  doctor: async () => ({ ok: false, error: 'no doctor here' }),
  scanDataset: async ({ inputSize }) => ({ ok: false, error: `no dataset for ${inputSize}` }),
  predict: async () => {
    throw new Error('the model folder vanished');
  },
  evaluate: async () => ({ ok: true, value: { images: 0, loss: 0, top1: 0, top5: 0, classNames: [], confusion: [], inference: { runtime: 'tfjs', backend: 'cpu', device: 'test CPU' } } }),
  exportModel: async ({ path }) => ({ ok: true, value: { kind: 'saved', file: { path: path ?? '', name: 'net.onnx' } } }),
  importModel: async () => ({ ok: false, error: 'no weights here' }),
};

describe('answerEngineRequest', () => {
  it('answers each method with its result, keeping the request id', async () => {
    expect(await answerEngineRequest(answers, { id: 3, method: 'backends', request: null })).toEqual({ id: 3, ok: true, value: { active: 'cpu', device: 'test CPU', backends: [] } });
    expect(await answerEngineRequest(answers, { id: 4, method: 'scanDataset', request: { inputSize: 75 } })).toEqual({ id: 4, ok: true, value: { ok: false, error: 'no dataset for 75' } });
  });

  it('turns a thrown error into a failed reply', async () => {
    expect(await answerEngineRequest(answers, { id: 5, method: 'predict', request: {} })).toEqual({ id: 5, ok: false, error: 'the model folder vanished' });
  });

  it('answers an unknown method with an error instead of leaving the caller waiting', async () => {
    for (const method of ['train', 'constructor', undefined]) {
      expect(await answerEngineRequest(answers, { id: 6, method, request: null })).toEqual({
        id: 6,
        ok: false,
        error: expect.stringMatching(/^The engine worker has no method .*; it answers backends, doctor, scanDataset, predict, evaluate, exportModel, importModel\.$/),
      });
    }
  });

  it('ignores messages that are not requests (no numeric id)', async () => {
    expect(await answerEngineRequest(answers, { method: 'backends' })).toBeNull();
    expect(await answerEngineRequest(answers, 'hello')).toBeNull();
    expect(await answerEngineRequest(answers, null)).toBeNull();
  });
});
