import type * as FsPromises from 'node:fs/promises';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expandExperiment } from '../../experiments/expandExperiment';
import { EXPERIMENT_PLAN_FORMAT, type ExperimentPlan } from '../../experiments/plan';
import type { ExperimentQueue } from '../../experiments/queue';
import { EXPERIMENT_FORMAT, type ExperimentSpec } from '../../experiments/types';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainFailureKind } from '../../training/types';
import { useTempDir } from '../testing/tempDir';
import { startExperiment, workersPerRun, type RunProcess, type StartRun } from './experimentRunner';

// The first run's request is the slowest to read (the runner checks its folder for a record to
// resume), so side-by-side runs would start out of queue order if the runner let them race.
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof FsPromises>();
  const stat = async (path: string): Promise<Awaited<ReturnType<typeof fs.stat>>> => {
    if (path.includes('a-seed1')) await new Promise((resolve) => setTimeout(resolve, 20));
    return fs.stat(path);
  };
  return { ...fs, stat };
});

const temp = useTempDir('experiment-runner');

function planOf(fixed: Partial<ExperimentSpec['fixed']> = {}): ExperimentPlan {
  const spec: ExperimentSpec = {
    format: EXPERIMENT_FORMAT,
    version: 1,
    name: 'Two by two',
    fixed: { epochs: 1, ...fixed },
    variants: [
      { name: 'A', design: 'preset:inception-v4' },
      { name: 'B', design: 'preset:inception-resnet-v2' },
    ],
    seeds: [1, 2],
  };
  return { format: EXPERIMENT_PLAN_FORMAT, version: 1, spec, source: 'spec.json', runs: expandExperiment(spec), designs: { a: 'design A', b: 'design B' } };
}

type Exit = Awaited<RunProcess['exited']>;

interface FakeRun {
  request: TrainerStartRequest;
  stopped: boolean;
  complete(): void;
  fail(kind: TrainFailureKind): void;
}

/** A trainer that writes the run's `run.json` when it starts and ends when told (or stopped: with a checkpoint). */
function fakeTrainer(): { startRun: StartRun; started: FakeRun[]; next: (count: number) => Promise<FakeRun> } {
  const started: FakeRun[] = [];
  const startRun: StartRun = (request) => {
    let finish: (exit: Exit) => void = () => {};
    const exited = new Promise<Exit>((resolve) => (finish = resolve));
    const done = (reason: 'completed' | 'cancelled'): Exit => ({ final: { type: 'done', reason, epochs: 1, bestValTop1: null, lastCheckpoint: null }, code: 0, signal: null });
    const run: FakeRun = {
      request,
      stopped: false,
      complete: () => finish(done('completed')),
      fail: (kind) => finish({ final: { type: 'error', message: `${kind} went wrong`, lastCheckpoint: null, kind }, code: 1, signal: null }),
    };
    void mkdir(request.runDir, { recursive: true }).then(() => writeFile(join(request.runDir, 'run.json'), '{}'));
    started.push(run);
    return {
      pid: undefined,
      stop: () => {
        run.stopped = true;
        finish(done('cancelled'));
      },
      exited,
    };
  };
  const next = async (count: number): Promise<FakeRun> => {
    await expect.poll(() => started.length, { timeout: 5000 }).toBeGreaterThanOrEqual(count);
    return started[count - 1];
  };
  return { startRun, started, next };
}

const onDisk = async (dir: string): Promise<ExperimentQueue> => JSON.parse(await readFile(join(dir, 'queue.json'), 'utf8')) as ExperimentQueue;
const states = (queue: ExperimentQueue): string[] => queue.runs.map((run) => `${run.id} ${run.state}`);

describe('experiment runner', () => {
  it('runs every run in turn through the trainer and keeps the queue on disk', async () => {
    const dir = join(temp(), 'all');
    const trainer = fakeTrainer();
    const control = await startExperiment({ dir, plan: { ...planOf(), data: '/data' }, startRun: trainer.startRun });
    for (let i = 1; i <= 4; i++) {
      const run = await trainer.next(i);
      await expect.poll(async () => (await onDisk(dir)).runs[i - 1].state).toBe('running');
      run.complete();
    }
    expect(await control.done()).toEqual({ type: 'finished', failed: 0 });
    expect(trainer.started.map((run) => [run.request.runId, run.request.design, run.request.config.seed, run.request.resume ?? false])).toEqual([
      ['a-seed1', 'design A', 1, false],
      ['b-seed1', 'design B', 1, false],
      ['a-seed2', 'design A', 2, false],
      ['b-seed2', 'design B', 2, false],
    ]);
    expect(trainer.started[0].request).toMatchObject({ runDir: join(dir, 'runs', 'a-seed1'), data: '/data', config: { epochs: 1 } });
    // One run at a time: each takes the trainer's default, every core.
    expect(trainer.started.map((run) => run.request.workers)).toEqual([undefined, undefined, undefined, undefined]);
    expect(states(await onDisk(dir))).toEqual(['a-seed1 completed', 'b-seed1 completed', 'a-seed2 completed', 'b-seed2 completed']);
  });

  it('pauses (the running run back in the queue, continued from its checkpoint on resume), reorders and cancels', async () => {
    const dir = join(temp(), 'steer');
    const trainer = fakeTrainer();
    const control = await startExperiment({ dir, plan: planOf(), startRun: trainer.startRun });
    const first = await trainer.next(1);
    await control.pause();
    expect(first.stopped).toBe(true);
    expect(await control.done()).toEqual({ type: 'paused' });
    expect((await onDisk(dir)).paused).toBe(true);
    expect(states(await onDisk(dir))[0]).toBe('a-seed1 queued');

    expect(await control.move('b-seed2', 0)).toEqual({ ok: true, value: null });
    expect(await control.cancel('b-seed1')).toEqual({ ok: true, value: null });
    expect(await control.move('b-seed1', 0)).toMatchObject({ ok: false, error: "Run 'b-seed1' is cancelled; only queued runs can be moved." });
    expect(await control.cancel('nope')).toMatchObject({ ok: false, error: "No run 'nope' in this experiment." });
    expect(states(await onDisk(dir))).toEqual(['b-seed2 queued', 'a-seed1 queued', 'b-seed1 cancelled', 'a-seed2 queued']);

    await control.resume();
    (await trainer.next(2)).complete();
    const resumed = await trainer.next(3);
    expect(resumed.request).toMatchObject({ runId: 'a-seed1', resume: true });
    expect(await control.cancel('a-seed1')).toEqual({ ok: true, value: null });
    expect(resumed.stopped).toBe(true);
    (await trainer.next(4)).complete();
    expect(await control.done()).toEqual({ type: 'finished', failed: 0 });
    expect(states(await onDisk(dir))).toEqual(['b-seed2 completed', 'a-seed1 cancelled', 'b-seed1 cancelled', 'a-seed2 completed']);
  });

  it('after a restart continues the run left running, then the rest; failed runs are retried', async () => {
    const dir = join(temp(), 'restart');
    const first = fakeTrainer();
    const control = await startExperiment({ dir, plan: planOf(), startRun: first.startRun });
    (await first.next(1)).fail('failure');
    await first.next(2);
    // The process dies here: the second run stays `running` on disk.
    await expect.poll(async () => states(await onDisk(dir))).toEqual(['a-seed1 failed', 'b-seed1 running', 'a-seed2 queued', 'b-seed2 queued']);
    expect(control.queue().runs[1].state).toBe('running');

    const again = fakeTrainer();
    const restarted = await startExperiment({ dir, plan: planOf(), startRun: again.startRun });
    const continued = await again.next(1);
    expect(continued.request).toMatchObject({ runId: 'b-seed1', resume: true });
    continued.complete();
    const retried = await again.next(2);
    expect(retried.request).toMatchObject({ runId: 'a-seed1', resume: true });
    retried.complete();
    (await again.next(3)).complete();
    (await again.next(4)).complete();
    expect(await restarted.done()).toEqual({ type: 'finished', failed: 0 });
  });

  it('runs side by side when asked, never the same run twice', async () => {
    const dir = join(temp(), 'parallel');
    const trainer = fakeTrainer();
    const control = await startExperiment({ dir, plan: planOf(), startRun: trainer.startRun, parallel: 2, cores: 2 });
    const [first, second] = [await trainer.next(1), await trainer.next(2)];
    expect([first.request.runId, second.request.runId]).toEqual(['a-seed1', 'b-seed1']);
    // Two runs share the two cores: one wasm replica each, not two each.
    expect([first.request.workers, second.request.workers]).toEqual([1, 1]);
    await expect.poll(async () => states(await onDisk(dir))).toEqual(['a-seed1 running', 'b-seed1 running', 'a-seed2 queued', 'b-seed2 queued']);
    second.complete();
    const third = await trainer.next(3);
    expect(third.request.runId).toBe('a-seed2');
    await control.pause();
    expect([first.stopped, third.stopped]).toEqual([true, true]);
    expect(await control.done()).toEqual({ type: 'paused' });
    await control.resume();
    for (let i = 4; i <= 6; i++) (await trainer.next(i)).complete();
    expect(await control.done()).toEqual({ type: 'finished', failed: 0 });
    expect(trainer.started.slice(3).map((run) => run.request.runId).sort()).toEqual(['a-seed1', 'a-seed2', 'b-seed2']);
    expect(states(await onDisk(dir))).toEqual(['a-seed1 completed', 'b-seed1 completed', 'a-seed2 completed', 'b-seed2 completed']);
  });

  it('ends at a run whose input is unusable, and stops a run at the budget', async () => {
    const bad = fakeTrainer();
    const failing = await startExperiment({ dir: join(temp(), 'input'), plan: planOf(), startRun: bad.startRun });
    (await bad.next(1)).fail('input');
    expect(await failing.done()).toEqual({ type: 'input-error', message: 'input went wrong' });
    expect(bad.started).toHaveLength(1);

    const slow = fakeTrainer();
    const budgeted = await startExperiment({ dir: join(temp(), 'budget'), plan: planOf({ budgetMinutes: 0.001 }), startRun: slow.startRun });
    for (let i = 1; i <= 4; i++) await slow.next(i);
    expect(await budgeted.done()).toEqual({ type: 'finished', failed: 0 });
    expect(slow.started.every((run) => run.stopped)).toBe(true);
    expect(budgeted.queue().runs[0]).toMatchObject({ state: 'completed', message: 'stopped by the budget of 0.001 min after 1 epochs' });
  });
});

describe('workersPerRun', () => {
  it('splits the cores between runs side by side, at least one replica each', () => {
    expect(workersPerRun(2, 2)).toBe(1);
    expect(workersPerRun(2, 8)).toBe(4);
    expect(workersPerRun(3, 8)).toBe(2);
    expect(workersPerRun(4, 2)).toBe(1);
  });

  it('leaves one run at a time to the trainer’s default', () => {
    expect(workersPerRun(1, 8)).toBeUndefined();
  });
});
