import { describe, expect, it } from 'vitest';
import type { HostEvent, PredictRequest, StudioHost, TrainRequest } from '../../app/protocol';
import { continueRun, loadRunHistory, pauseRun, predictImages, startRun, stopRun } from './runCommands';
import { currentRun, createRunStore } from './runStore';
import { seriesPoints } from './runSeries';

/** A host whose compute methods answer as given and record what they were asked. */
function fakeHost(answers: Partial<StudioHost> = {}) {
  const calls: { method: string; request: unknown }[] = [];
  const record =
    <T>(method: string, value: T) =>
    async (request: unknown) => {
      calls.push({ method, request });
      return { ok: true as const, value };
    };
  const host = {
    startTraining: record('startTraining', { runId: 'r1', runDir: '/runs/r1' }),
    pauseTraining: record('pauseTraining', null),
    resumeTraining: record('resumeTraining', null),
    stopTraining: record('stopTraining', null),
    predict: record('predict', { predictions: [{ image: 'a.png', top: [{ classIndex: 0, label: 'cat', probability: 0.9 }] }], inference: { runtime: 'onnxruntime', backend: 'wasm', device: 'test CPU' } }),
    runEvents: record('runEvents', [
      { type: 'epoch', epoch: 1, train: { loss: 1, top1: 0.5, top5: 1 }, validation: { loss: 1, top1: 0.6, top5: 1 }, lr: 0.04, seconds: 1 },
    ]),
    onEvent: (_listener: (event: HostEvent) => void) => () => {},
    ...answers,
  } as unknown as StudioHost;
  return { host, calls };
}

describe('run commands', () => {
  it('starts a run, makes it current, and sends pause, continue and stop for it', async () => {
    const { host, calls } = fakeHost();
    const store = createRunStore();
    expect(await startRun(host, store, { design: '{}', config: { epochs: 1 }, data: '/data' })).toBe(true);
    expect(currentRun(store.getState())?.runId).toBe('r1');
    await pauseRun(host, store, 'r1');
    await continueRun(host, store, 'r1');
    await stopRun(host, store, 'r1');
    expect(calls.map((call) => call.method)).toEqual(['startTraining', 'pauseTraining', 'resumeTraining', 'stopTraining']);
    expect(calls[0].request).toEqual({ design: '{}', config: { epochs: 1 }, data: '/data' } satisfies TrainRequest);
    expect(currentRun(store.getState())?.status).toBe('stopping');
    expect(store.getState().busy).toBe(false);
  });

  it('resumes a run by its folder', async () => {
    const { host, calls } = fakeHost();
    await startRun(host, createRunStore(), { design: '{}', config: {} }, '/runs/r1');
    expect(calls[0].request).toMatchObject({ resumeRunDir: '/runs/r1' });
  });

  it('shows a refusal, and a host that throws, as the store error', async () => {
    const refusing = fakeHost({ startTraining: async () => ({ ok: false, error: 'Run r0 is still training' }) });
    const store = createRunStore();
    expect(await startRun(refusing.host, store, { design: '{}', config: {} })).toBe(false);
    expect(store.getState().error).toBe('Run r0 is still training');
    const throwing = fakeHost({
      stopTraining: async () => {
        throw new Error('Web host refused stopTraining: 403');
      },
    });
    await stopRun(throwing.host, store, 'r1');
    expect(store.getState().error).toBe('Web host refused stopTraining: 403');
  });

  it('predicts with the design or a checkpoint, sending picked bytes and host paths', async () => {
    const { host, calls } = fakeHost();
    const store = createRunStore();
    await predictImages(host, store, '{"design":1}');
    expect(store.getState().prediction.error).toMatch(/Add an image first/);
    store.getState().setPrediction({ images: [{ name: 'a.png', preview: null, base64: 'AAA' }, { name: 'b.png', preview: null, path: '/img/b.png' }] });
    await predictImages(host, store, '{"design":1}');
    expect(calls[0].request).toEqual({ model: { kind: 'design', design: '{"design":1}' }, images: [{ name: 'a.png', base64: 'AAA' }, { path: '/img/b.png' }], top: 5 } satisfies PredictRequest);
    expect(store.getState().prediction.results[0].top[0].label).toBe('cat');
    expect(store.getState().prediction.inference).toEqual({ runtime: 'onnxruntime', backend: 'wasm', device: 'test CPU' });
    store.getState().setPrediction({ model: { kind: 'checkpoint', runId: 'r1', which: 'best', path: '/runs/r1/checkpoints/best' } });
    await predictImages(host, store, '{}');
    expect((calls[1].request as PredictRequest).model).toEqual({ kind: 'modelDir', path: '/runs/r1/checkpoints/best' });
  });

  it('loads a past run’s logged epochs for comparison', async () => {
    const { host } = fakeHost();
    const store = createRunStore();
    await loadRunHistory(host, store, 'old', '/runs/old');
    expect(seriesPoints(store.getState().history.old.series.valTop1)).toEqual([{ x: 1, y: 0.6 }]);
  });
});
