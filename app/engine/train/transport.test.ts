import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainEvent } from '../../training/types';
import { processTransport } from './transport';
import { settled } from '../testing/settled';

// The test runs in vitest's own forked worker, whose IPC channel vitest uses: process.send is
// stubbed, never called for real, and process listeners are called directly, never emitted.

type Listener = (...args: unknown[]) => void;
type StubbedProcess = { parentPort?: unknown; send?: unknown };
const stubbed = process as unknown as StubbedProcess;
const realSend = process.send;
/** process as a plain emitter: its typings overload listeners() per event name. */
const processEvents: NodeJS.EventEmitter = process;

const event: TrainEvent = { type: 'log', level: 'info', message: 'hello parent' };

/** The listeners `attach` adds to `name` on process; they are removed again at once. */
function listenersAddedBy(name: 'message' | 'disconnect', attach: () => void): Listener[] {
  const before = new Set(processEvents.listeners(name));
  attach();
  const added = processEvents.listeners(name).filter((listener) => !before.has(listener)) as Listener[];
  for (const listener of added) processEvents.off(name, listener);
  return added;
}

afterEach(() => {
  delete stubbed.parentPort;
  stubbed.send = realSend;
});

describe('processTransport inside Electron (parentPort)', () => {
  function fakePort() {
    const listeners: Array<(message: { data: unknown }) => void> = [];
    return {
      posted: [] as unknown[],
      listeners,
      postMessage(message: unknown) {
        this.posted.push(message);
      },
      on(name: string, listener: (message: { data: unknown }) => void) {
        expect(name).toBe('message');
        listeners.push(listener);
      },
    };
  }

  it('posts events to the port and unwraps messages from their { data }', async () => {
    const port = fakePort();
    const send = vi.fn();
    stubbed.parentPort = port;
    stubbed.send = send;
    const transport = processTransport();
    await transport.send(event);
    expect(port.posted).toEqual([event]);
    expect(send).not.toHaveBeenCalled();
    const received: unknown[] = [];
    transport.onMessage((message) => received.push(message));
    expect(port.listeners).toHaveLength(1);
    port.listeners[0]({ data: { type: 'pause' } });
    expect(received).toEqual([{ type: 'pause' }]);
  });

  it('listens to no process event: a port cannot tell that the parent went away', () => {
    stubbed.parentPort = fakePort();
    const transport = processTransport();
    expect(listenersAddedBy('disconnect', () => transport.onParentGone(() => undefined))).toEqual([]);
    expect(listenersAddedBy('message', () => transport.onMessage(() => undefined))).toEqual([]);
  });
});

describe('processTransport under Node (IPC)', () => {
  it('refuses a process started without an IPC channel', () => {
    stubbed.send = undefined;
    expect(() => processTransport()).toThrow(
      new Error('The trainer process must be started with an IPC channel (child_process.fork or Electron utilityProcess).'),
    );
  });

  it('sends events through process.send and resolves once its callback has run', async () => {
    let handed: (() => void) | undefined;
    const send = vi.fn((_message: unknown, _handle: unknown, _options: unknown, callback: () => void) => {
      handed = callback;
      return true;
    });
    stubbed.send = send;
    const sending = processTransport().send(event);
    expect(send).toHaveBeenCalledWith(event, undefined, {}, expect.any(Function));
    expect(await settled(sending)).toBe(false);
    handed?.();
    expect(await settled(sending)).toBe(true);
  });

  it('hands process messages to the listener and reports a disconnect as the parent gone', () => {
    stubbed.send = vi.fn();
    const transport = processTransport();
    const received: unknown[] = [];
    const messageListeners = listenersAddedBy('message', () => transport.onMessage((message) => received.push(message)));
    expect(messageListeners).toHaveLength(1);
    messageListeners[0]({ type: 'stop' });
    expect(received).toEqual([{ type: 'stop' }]);
    let gone = 0;
    const goneListeners = listenersAddedBy('disconnect', () => transport.onParentGone(() => gone++));
    expect(goneListeners).toHaveLength(1);
    goneListeners[0]();
    expect(gone).toBe(1);
  });
});
