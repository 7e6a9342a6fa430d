import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExperimentEvent } from '../../app/experiments/events';
import type { StartRun } from '../../app/node/experiments/experimentRunner';
import { EXPERIMENT_FORMAT, type ExperimentSpec } from '../../app/experiments/types';
import type { HostEvent } from '../../app/protocol';
import { logEvent, writeRunRecord, type RunRecord } from '../../app/node/runs/runRecord';
import { RUN_RECORD_FORMAT } from '../../app/training/runRecordFormat';
import { defaultTrainConfig } from '../../app/training/defaults';
import { tempFolder } from '../testing/fakeHost';
import { createExperimentService, type ExperimentService } from './experimentService';

const spec: ExperimentSpec = {
  format: EXPERIMENT_FORMAT,
  version: 1,
  name: 'Two by two',
  fixed: { epochs: 2, options: { input: 75, width: 0.25, repeats: [1, 1, 1] } },
  variants: [
    { name: 'Plain', design: 'preset:inception-v4' },
    { name: 'Residual', design: 'preset:inception-resnet-v2' },
  ],
  seeds: [1, 2],
};

/** Trainers that end when told; `stop` ends one as a stopped run would (with a checkpoint). `epochSeconds`: each writes its run folder with one epoch of that long. */
function fakeTrainers(epochSeconds?: number) {
  const running: { runId: string; complete(): void }[] = [];
  const startRun: StartRun = (request, onEvent) => {
    if (epochSeconds !== undefined) {
      const record: RunRecord = { format: RUN_RECORD_FORMAT, version: 1, runId: request.runId ?? '', createdAt: new Date().toISOString(), design: request.design, designName: 'x', config: { ...defaultTrainConfig, ...request.config }, classNames: [] };
      const metrics = { loss: 1, top1: 0.5, top5: 0.9 };
      void writeRunRecord(request.runDir, record)
        .then(() => logEvent(request.runDir, { type: 'start', runId: record.runId, runDir: request.runDir, backend: 'wasm', device: 'test', stepsPerEpoch: 1, totalSteps: 2, config: record.config }))
        .then(() => logEvent(request.runDir, { type: 'epoch', epoch: 1, train: metrics, validation: metrics, lr: 0.1, seconds: epochSeconds }));
    }
    let finish: (reason: 'completed' | 'cancelled') => void = () => {};
    const exited = new Promise<Awaited<ReturnType<StartRun>['exited']>>((resolve) => {
      finish = (reason) => resolve({ final: { type: 'done', reason, epochs: 0, bestValTop1: null, lastCheckpoint: null }, code: 0, signal: null });
    });
    onEvent({ type: 'log', level: 'info', message: `started ${request.runId}` });
    running.push({ runId: request.runId ?? '', complete: () => finish('completed') });
    return { stop: () => finish('cancelled'), exited };
  };
  return { startRun, running };
}

const until = async (condition: () => boolean, what: string): Promise<void> => {
  const end = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('experiment service', () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  let events: HostEvent[];
  let trainers: ReturnType<typeof fakeTrainers>;
  let service: ExperimentService;
  const make = () =>
    createExperimentService({
      root: join(root.path, 'experiments'),
      startRun: trainers.startRun,
      compute: {
        backends: async () => ({ active: 'wasm', device: 'test', backends: [] }),
        scanDataset: async () => ({ ok: true, value: { root: 'sample', kind: 'bundled', classes: [], total: 1000, unreadable: [], smallerThanInput: [], imbalance: 1, warnings: [] } }),
      },
      roots: () => [root.path],
      emit: (event) => events.push(event),
    });
  beforeEach(async () => {
    root = await tempFolder('experiment-service');
    events = [];
    trainers = fakeTrainers();
    service = make();
  });
  afterEach(() => root.remove());

  const queueEvents = (): Extract<ExperimentEvent, { type: 'queue' }>[] =>
    events.flatMap((event) => (event.type === 'experiment' && event.event.type === 'queue' ? [event.event] : []));

  it('previews the runs, each variant\'s size and a calibrated estimate before anything runs', async () => {
    const preview = await service.preview(spec);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value).toMatchObject({ runs: 4, backend: 'wasm', trainImages: 900, estimate: { basis: 'calibrated' } });
    expect(preview.value.variants.map((v) => v.variant)).toEqual(['Plain', 'Residual']);
    expect(preview.value.variants[0].macs).toBeGreaterThan(1e6);
    expect(preview.value.estimate.seconds).toBeGreaterThan(0);
    expect(trainers.running).toEqual([]);
  });

  it('estimates from the seconds per epoch an earlier experiment measured for the same designs, data and backend', async () => {
    trainers = fakeTrainers(12);
    service = make();
    await service.start(spec);
    for (let n = 1; n <= 4; n += 1) {
      await until(() => trainers.running.length === n, `run ${n}`);
      trainers.running[n - 1].complete();
    }
    let ended = false;
    await until(() => {
      void service.list().then((listed) => (ended = listed.ok && listed.value[0]?.active === false));
      return ended;
    }, 'the runner to end');
    const preview = await service.preview({ ...spec, name: 'Again' });
    expect(preview.ok && preview.value.estimate).toMatchObject({ basis: 'measured', seconds: 2 * 2 * 2 * 12 });
  });

  it('runs the queue through the trainer one run after another, and reports when it ends', async () => {
    const started = await service.start(spec);
    expect(started).toEqual({ ok: true, value: { id: 'two-by-two' } });
    for (const id of ['plain-seed1', 'residual-seed1', 'plain-seed2', 'residual-seed2']) {
      await until(() => trainers.running.some((run) => run.runId === id), id);
      trainers.running.find((run) => run.runId === id)?.complete();
    }
    await until(() => queueEvents().at(-1)?.queue.runs.every((run) => run.state === 'completed') === true, 'every run completed');
    let ended = false;
    await until(() => {
      void service.list().then((listed) => (ended = listed.ok && listed.value[0]?.active === false));
      return ended;
    }, 'the runner to end');
    const status = await service.status('two-by-two');
    expect(status.ok && status.value.queue.runs.map((run) => run.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const report = await service.report('two-by-two');
    expect(report.ok && report.value.markdown).toMatch(/# Two by two/);
    expect(JSON.parse(await readFile(join(root.path, 'experiments', 'two-by-two', 'spec.json'), 'utf8'))).toMatchObject({ name: 'Two by two' });
  });

  it('pauses, reorders and cancels runs; after a restart the queue on disk continues on resume', async () => {
    await service.start(spec);
    await until(() => trainers.running.length === 1, 'the first run');
    expect(await service.control('two-by-two', { type: 'move', runId: 'residual-seed2', index: 1 })).toEqual({ ok: true, value: null });
    expect(await service.control('two-by-two', { type: 'cancel', runId: 'plain-seed2' })).toEqual({ ok: true, value: null });
    await service.control('two-by-two', { type: 'pause' });
    await until(() => queueEvents().at(-1)?.queue.runs[0].state === 'queued', 'the paused run back in the queue');
    await service.shutdown();

    // A new session: the same folder, no runner until resume.
    trainers = fakeTrainers();
    service = make();
    const listed = await service.list();
    expect(listed.ok && listed.value).toEqual([{ id: 'two-by-two', name: 'Two by two', runs: 4, completed: 0, remaining: 3, paused: true, active: false }]);
    const refused = await service.control('two-by-two', { type: 'move', runId: 'plain-seed1', index: 9 });
    expect(refused).toEqual({ ok: true, value: null });
    await service.control('two-by-two', { type: 'resume' });
    await until(() => trainers.running.length === 1, 'a run after resume');
    expect(trainers.running[0].runId).toBe('residual-seed2');
    const status = await service.status('two-by-two');
    expect(status.ok && status.value.queue.runs.map((run) => `${run.id}:${run.state}`)).toEqual(['residual-seed2:running', 'residual-seed1:queued', 'plain-seed2:cancelled', 'plain-seed1:queued']);
    await service.shutdown();
  });

  it('runs side by side when asked, as --parallel does', async () => {
    await service.start(spec, 2);
    await until(() => trainers.running.length === 2, 'two runs at once');
    expect(trainers.running.map((run) => run.runId)).toEqual(['plain-seed1', 'residual-seed1']);
    await service.shutdown();
  });

  it('names an experiment that is not there, and never takes a path for an id', async () => {
    expect(await service.status('nothing-here')).toMatchObject({ ok: false, error: expect.stringMatching(/No experiment 'nothing-here'/) });
    expect(await service.status('../etc')).toMatchObject({ ok: false, error: expect.stringMatching(/not an experiment of this host/) });
  });
});
