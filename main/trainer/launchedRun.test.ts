import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../app/training/types';
import { launchedRunStarter } from './launchedRun';
import type { ChildChannel } from './processLauncher';

/** A channel whose process the test drives: what was sent, and a way to answer and exit. */
function fakeChannel() {
  const sent: unknown[] = [];
  let onMessage: (message: unknown) => void = () => {};
  let onExit: (code: number | null) => void = () => {};
  const channel: ChildChannel = {
    send: (message) => sent.push(message),
    onMessage: (listener) => (onMessage = listener),
    onExit: (listener) => (onExit = listener),
    kill: () => onExit(null),
  };
  return { channel, sent, answer: (message: unknown) => onMessage(message), exit: (code: number | null) => onExit(code) };
}

describe('launchedRunStarter', () => {
  it('starts the trainer with the host\'s roots, relays its events and ends with its final event', async () => {
    const fake = fakeChannel();
    const launched: string[] = [];
    const start = launchedRunStarter((entry) => (launched.push(entry), fake.channel), '/app/trainer.js', () => ['/data']);
    const events: TrainEvent[] = [];
    const run = start({ design: '{}', runDir: '/runs/a', runId: 'a', config: { epochs: 1 } }, (event) => events.push(event));
    expect(launched).toEqual(['/app/trainer.js']);
    expect(fake.sent).toEqual([{ type: 'start', request: { design: '{}', runDir: '/runs/a', runId: 'a', config: { epochs: 1 }, roots: ['/data'] } }]);
    run.stop();
    expect(fake.sent.at(-1)).toEqual({ type: 'stop' });
    const done: TrainEvent = { type: 'done', reason: 'cancelled', epochs: 0, bestValTop1: null, lastCheckpoint: '/runs/a/checkpoints/last' };
    fake.answer('not an event');
    fake.answer(done);
    fake.exit(0);
    expect(await run.exited).toEqual({ final: done, code: 0, signal: null });
    expect(events).toEqual([done]);
  });

  it('ends without a final event when the process dies', async () => {
    const fake = fakeChannel();
    const run = launchedRunStarter(() => fake.channel, 'trainer', () => [])({ design: '{}', runDir: '/r', config: {} }, () => {});
    fake.exit(null);
    expect(await run.exited).toEqual({ final: null, code: null, signal: null });
  });
});
