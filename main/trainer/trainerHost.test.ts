import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../app/protocol';
import { fakeLauncher } from '../testing/fakeChannel';
import { tempFolder } from '../testing/fakeHost';
import { createTrainerHost, designNameOf } from './trainerHost';

let runs: Awaited<ReturnType<typeof tempFolder>>;
beforeEach(async () => (runs = await tempFolder('trainer-host')));
afterEach(async () => {
  vi.useRealTimers();
  await runs.remove();
});

function setup(stopGraceMs = 1000) {
  const launch = fakeLauncher();
  const events: HostEvent[] = [];
  const host = createTrainerHost({ launch, entry: 'trainer.js', runsRoot: runs.path, emit: (event) => events.push(event), stopGraceMs });
  return { launch, events, host };
}

const design = JSON.stringify({ name: 'Tiny Net' });

describe('trainerHost', () => {
  it('starts one process per run with the start command and streams its events', async () => {
    const { launch, events, host } = setup();
    const started = await host.start({ design, config: { epochs: 1 }, backend: 'cpu' });
    expect(started.ok).toBe(true);
    const { runId, runDir } = started.ok ? started.value : { runId: '', runDir: '' };
    expect(runId).toMatch(/^\d{8}-\d{6}-tiny-net$/);
    expect(launch.children[0].sent).toEqual([{ type: 'start', request: { design, config: { epochs: 1 }, backend: 'cpu', runDir, resume: false, data: undefined, validation: undefined } }]);

    launch.children[0].reply({ type: 'checkpoint', kind: 'last', epoch: 1, path: `${runDir}/checkpoints/last` });
    launch.children[0].reply({ type: 'done', reason: 'completed', epochs: 1, bestValTop1: 0.5, lastCheckpoint: `${runDir}/checkpoints/last` });
    launch.children[0].exit(0);
    expect(events.map((e) => (e.type === 'train' ? e.event.type : e.type))).toEqual(['checkpoint', 'done']);
    expect(host.sessionRuns()).toMatchObject([{ runId, state: 'completed', epochs: 1, bestValTop1: 0.5, designName: 'Tiny Net' }]);
  });

  it('refuses a second run while one trains, and commands for unknown or ended runs', async () => {
    const { launch, host } = setup();
    const first = await host.start({ design, config: {} });
    expect(await host.start({ design, config: {} })).toMatchObject({ ok: false, error: expect.stringMatching(/still training/) });
    expect(host.command('nope', 'pause')).toMatchObject({ ok: false, error: expect.stringMatching(/No run "nope"/) });
    const runId = first.ok ? first.value.runId : '';
    expect(host.command(runId, 'pause')).toEqual({ ok: true, value: null });
    expect(launch.children[0].sent.at(-1)).toEqual({ type: 'pause' });
    launch.children[0].reply({ type: 'error', message: 'out of memory', lastCheckpoint: null });
    launch.children[0].exit(1);
    expect(host.command(runId, 'resume')).toMatchObject({ ok: false, error: expect.stringMatching(/already ended \(failed\)/) });
  });

  it('reports a crash with the last checkpoint, then starts fresh and resumes in the same folder', async () => {
    const { launch, events, host } = setup();
    const first = await host.start({ design, config: {}, designFile: '/designs/tiny.incept.json' });
    const runDir = first.ok ? first.value.runDir : '';
    const startedAt = host.sessionRuns()[0].startedAt;
    launch.children[0].reply({ type: 'checkpoint', kind: 'last', epoch: 2, path: `${runDir}/checkpoints/last` });
    launch.children[0].exit(null);
    expect(events.at(-1)).toEqual({
      type: 'trainer-crashed',
      runId: first.ok ? first.value.runId : '',
      message: expect.stringMatching(/killed by a signal.*resumed from its last checkpoint/),
      lastCheckpoint: `${runDir}/checkpoints/last`,
    });
    const resumed = await host.start({ design, config: {}, resumeRunDir: runDir });
    expect(resumed).toMatchObject({ ok: true, value: { runDir } });
    expect(launch.children).toHaveLength(2);
    expect(launch.children[1].sent[0]).toMatchObject({ type: 'start', request: { runDir, resume: true } });
    // The run keeps its first start and file, and lists the resume.
    const [summary] = host.sessionRuns();
    expect(summary).toMatchObject({ startedAt, designFile: '/designs/tiny.incept.json', state: 'running' });
    expect(summary.resumedAt).toHaveLength(1);
    expect(summary.resumedAt[0] >= startedAt).toBe(true);
  });

  it('stop asks the trainer to finish, and kills it after the grace period', async () => {
    vi.useFakeTimers();
    const { launch, events, host } = setup(500);
    const started = await host.start({ design, config: {} });
    const runId = started.ok ? started.value.runId : '';
    expect(host.command(runId, 'stop')).toEqual({ ok: true, value: null });
    expect(launch.children[0].sent.at(-1)).toEqual({ type: 'stop' });
    vi.advanceTimersByTime(499);
    expect(launch.children[0].killed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(launch.children[0].killed).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'train', runId, event: { type: 'done', reason: 'cancelled' } });
    expect(events.some((event) => event.type === 'trainer-crashed')).toBe(false);
  });

  it('names runs after the design, falling back for unreadable text', () => {
    expect(designNameOf('{"name":"Inception-v4"}')).toBe('Inception-v4');
    expect(designNameOf('not json')).toBe('design');
  });
});
