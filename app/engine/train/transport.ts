/**
 * How a trainer process talks to its parent: Node IPC (`process.send`, a `child_process.fork`)
 * or Electron's `process.parentPort` (a `utilityProcess`). The trainer sees only this.
 */

import type { TrainEvent } from '../../training/types';

export interface TrainerTransport {
  /** Resolves once the event has been handed to the channel. */
  send(event: TrainEvent): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away (Node IPC disconnect); absent for transports that cannot tell. */
  onParentGone(listener: () => void): void;
}

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** The transport of this process: `parentPort` inside Electron, Node IPC otherwise. */
export function processTransport(): TrainerTransport {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      send: async (event) => port.postMessage(event),
      onMessage: (listener) => port.on('message', ({ data }) => listener(data)),
      onParentGone: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The trainer process must be started with an IPC channel (child_process.fork or Electron utilityProcess).');
  return {
    send: (event) => new Promise((resolve) => send(event, undefined, {}, () => resolve())),
    onMessage: (listener) => process.on('message', listener),
    onParentGone: (listener) => process.on('disconnect', listener),
  };
}
