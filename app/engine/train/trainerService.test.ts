import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';
import { useTestFolder } from '../testing/testFolders';
import { smallPresetDesign } from './trainFixtures';
import { serveTrainer } from './trainerService';
import type { RunOutcome } from './trainRun';
import type { TrainerTransport } from './transport';

const folder = useTestFolder('trainer-service-');

/** A transport the test drives: messages in by hand, events recorded, each send held until released. */
function fakeTransport() {
  let onMessage: (message: unknown) => void = () => undefined;
  let onParentGone: () => void = () => undefined;
  const sent: TrainEvent[] = [];
  const pending: Array<() => void> = [];
  const transport: TrainerTransport = {
    send: (event) => {
      sent.push(event);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    onMessage: (listener) => void (onMessage = listener),
    onParentGone: (listener) => void (onParentGone = listener),
  };
  return {
    transport,
    sent,
    deliver: (message: unknown) => onMessage(message),
    parentGone: () => onParentGone(),
    /** Lets the sends made so far resolve, but the last `holdBack` of them. */
    release: (holdBack = 0) => {
      for (const resolve of pending.splice(0, pending.length - holdBack)) resolve();
    },
  };
}

function serve() {
  const fake = fakeTransport();
  const outcomes: RunOutcome[] = [];
  const control = serveTrainer(fake.transport, (outcome) => outcomes.push(outcome));
  return { ...fake, control, outcomes };
}

/** A run that fails while checking its inputs, before any model is built: its dataset folder is missing. */
function missingDataRequest(): TrainerStartRequest {
  return { design: smallPresetDesign(2), data: join(folder.root, 'no-such-data'), runDir: join(folder.root, 'run'), config: {} };
}

/** Waits for `assertion` to pass; a loaded machine may take seconds to start a process. */
const eventually = (assertion: () => void): Promise<void> => vi.waitFor(assertion, { timeout: 30_000, interval: 10 });

const afterCallbacks = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('serveTrainer', () => {
  it('passes pause, resume and stop to the run control', () => {
    const { control, deliver, sent } = serve();
    deliver({ type: 'pause' });
    expect(control.pauseRequestedNow).toBe(true);
    deliver({ type: 'resume' });
    expect(control.pauseRequestedNow).toBe(false);
    expect(control.stopRequested).toBe(false);
    deliver({ type: 'stop' });
    expect(control.stopRequested).toBe(true);
    expect(sent).toEqual([]);
  });

  it('stops the run when the parent goes away', () => {
    const { control, parentGone } = serve();
    expect(control.stopRequested).toBe(false);
    parentGone();
    expect(control.stopRequested).toBe(true);
  });

  it('answers a malformed message with a warning and starts nothing', async () => {
    const { deliver, sent, release, outcomes } = serve();
    deliver({ type: 'train' });
    deliver({ type: 'start', request: { design: 'x' } });
    expect(sent).toEqual([
      { type: 'log', level: 'warning', message: "Ignored a trainer message: unknown trainer message type 'train'." },
      { type: 'log', level: 'warning', message: 'Ignored a trainer message: start: "request.runDir" must be a folder path.' },
    ]);
    release();
    await afterCallbacks();
    expect(sent).toHaveLength(2);
    expect(outcomes).toEqual([]);
  });

  it('runs a start whose dataset is missing to a failed outcome with an error that names the folder', async () => {
    const { deliver, sent, release, outcomes } = serve();
    const request = missingDataRequest();
    deliver({ type: 'start', request });
    await eventually(() => expect(sent.at(-1)?.type).toBe('error'));
    release();
    await eventually(() => expect(outcomes).toEqual(['failed']));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'error', lastCheckpoint: null, kind: 'input' });
    expect(sent[0].type === 'error' && sent[0].message).toContain(request.data);
  });

  it('refuses a second start with a warning: one run per process', async () => {
    const { deliver, sent, release, outcomes } = serve();
    deliver({ type: 'start', request: missingDataRequest() });
    deliver({ type: 'start', request: missingDataRequest() });
    expect(sent).toEqual([{ type: 'log', level: 'warning', message: 'A trainer process runs one training; start a new process for another.' }]);
    await eventually(() => expect(sent.at(-1)?.type).toBe('error'));
    release();
    await eventually(() => expect(outcomes).toEqual(['failed']));
    await afterCallbacks();
    expect(sent.map((event) => event.type)).toEqual(['log', 'error']);
    expect(outcomes).toEqual(['failed']);
  });

  it('reports the outcome only once the last event has been handed to the parent', async () => {
    const { deliver, sent, release, outcomes } = serve();
    deliver({ type: 'train' });
    deliver({ type: 'start', request: missingDataRequest() });
    await eventually(() => expect(sent.at(-1)?.type).toBe('error'));
    release(1);
    await afterCallbacks();
    expect(outcomes).toEqual([]);
    release();
    await eventually(() => expect(outcomes).toEqual(['failed']));
  });
});
