import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';
import { useTestFolder } from '../testing/testFolders';
import { startTrainer, type TrainerHandle, type TrainerOptions } from './trainerClient';

// Tiny stand-ins for the trainer process, so the client's forking and relaying run in
// milliseconds: each echoes every command it receives as a log event.

const folder = useTestFolder('trainer-client-');

const done: TrainEvent = { type: 'done', reason: 'cancelled', epochs: 0, bestValTop1: null, lastCheckpoint: null };
const failed: TrainEvent = { type: 'error', message: 'the fixture failed', lastCheckpoint: null, kind: 'input' };

/** Echoes commands, writes a line to stdout and stderr, and ends on `stop` with `final`. */
const echoSource = (final: TrainEvent, code: number): string => `
process.stdout.write('fixture stdout\\n');
process.stderr.write('fixture stderr\\n');
process.on('message', (command) => {
  process.send({ type: 'log', level: 'info', message: JSON.stringify(command) });
  if (command.type === 'stop') process.send(${JSON.stringify(final)}, () => process.exit(${code}));
});
`;

/** Reports how it was started; the type annotation makes the .ts copy run only through tsx. */
const startupSource = (annotation: string): string => `
const startup${annotation} = { pid: process.pid, execArgv: process.execArgv };
process.send({ type: 'log', level: 'info', message: JSON.stringify(startup) }, () => process.exit(0));
`;

const fixture = (name: string): string => join(folder.root, name);

beforeAll(async () => {
  await writeFile(fixture('echo-done.mjs'), echoSource(done, 0));
  await writeFile(fixture('echo-error.mjs'), echoSource(failed, 1));
  await writeFile(fixture('startup.mjs'), startupSource(''));
  await writeFile(fixture('startup.ts'), startupSource(': { pid: number; execArgv: string[] }'));
});

const request: TrainerStartRequest = { design: '{"name":"fixture"}', data: '/data/cats-and-dogs', runDir: '/runs/fixture', config: { epochs: 2 } };

const started: TrainerHandle[] = [];

afterEach(async () => {
  for (const trainer of started.splice(0)) {
    trainer.kill();
    await trainer.exited;
  }
  vi.restoreAllMocks();
});

/** Starts `entry`, recording its events and output. */
function start(entry: string, options: Partial<TrainerOptions> = {}) {
  const events: TrainEvent[] = [];
  const output: string[] = [];
  const trainer = startTrainer(request, { onEvent: (event) => events.push(event), onOutput: (text) => output.push(text), entry: fixture(entry), ...options });
  started.push(trainer);
  return { trainer, events, output };
}

/** The commands an echo fixture received, in order. */
const echoed = (events: readonly TrainEvent[]): unknown[] => events.filter((event) => event.type === 'log').map((event) => JSON.parse(event.message));

/** Waits for `assertion` to pass; a loaded machine may take seconds to start a process. */
const eventually = (assertion: () => void): Promise<void> => vi.waitFor(assertion, { timeout: 30_000, interval: 10 });

const afterCallbacks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('startTrainer', () => {
  it('starts the child with the request, relays its commands, and reports the events in order', async () => {
    const { trainer, events } = start('echo-done.mjs');
    trainer.pause();
    trainer.resume();
    trainer.stop();
    const exit = await trainer.exited;
    expect(echoed(events)).toEqual([{ type: 'start', request }, { type: 'pause' }, { type: 'resume' }, { type: 'stop' }]);
    expect(events.map((event) => event.type)).toEqual(['log', 'log', 'log', 'log', 'done']);
    expect(exit).toEqual({ code: 0, signal: null, final: done });
  });

  it('ends with the final error event and the exit code of a failed run', async () => {
    const { trainer, events } = start('echo-error.mjs');
    trainer.stop();
    expect(await trainer.exited).toEqual({ code: 1, signal: null, final: failed });
    expect(events.at(-1)).toEqual(failed);
  });

  it('kills with SIGKILL by default; a process killed before its final event has none', async () => {
    const { trainer, events } = start('echo-done.mjs');
    await eventually(() => expect(events).toHaveLength(1));
    trainer.kill();
    expect(await trainer.exited).toEqual({ code: null, signal: 'SIGKILL', final: null });
  });

  it('kills with the signal asked for', async () => {
    const { trainer, events } = start('echo-done.mjs');
    await eventually(() => expect(events).toHaveLength(1));
    trainer.kill('SIGTERM');
    expect(await trainer.exited).toEqual({ code: null, signal: 'SIGTERM', final: null });
  });

  it('drops commands once the child is gone, without an error', async () => {
    const { trainer, events } = start('echo-done.mjs');
    trainer.stop();
    await trainer.exited;
    await afterCallbacks();
    trainer.pause();
    trainer.resume();
    trainer.stop();
    await afterCallbacks();
    expect(events.map((event) => event.type)).toEqual(['log', 'log', 'done']);
  });

  it("passes the child's stdout and stderr to onOutput", async () => {
    const { output } = start('echo-done.mjs');
    await eventually(() => expect(output.toSorted()).toEqual(['fixture stderr\n', 'fixture stdout\n']));
  });

  it("writes the child's output to this process's stderr by default", async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    start('echo-done.mjs', { onOutput: undefined });
    await eventually(() => expect(written.toSorted()).toEqual(['fixture stderr\n', 'fixture stdout\n']));
  });

  it('runs a .ts entry through tsx, and a JavaScript one with plain Node', async () => {
    const startup = async (entry: string) => {
      const { trainer, events } = start(entry);
      expect(await trainer.exited).toMatchObject({ code: 0 });
      const reported = events.map((event) => (event.type === 'log' ? JSON.parse(event.message) : event));
      expect(reported).toEqual([{ pid: trainer.pid, execArgv: expect.any(Array) }]);
      return reported[0].execArgv as string[];
    };
    const throughTsx = await startup('startup.ts');
    expect(throughTsx).toHaveLength(2);
    expect(throughTsx[0]).toBe('--import');
    expect(throughTsx[1]).toMatch(/^file:\/\/.*\/node_modules\/tsx\//);
    expect(await startup('startup.mjs')).toEqual([]);
  });
});
