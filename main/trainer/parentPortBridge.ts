/**
 * Inside an Electron `utilityProcess` a child talks through `process.parentPort`, not
 * `process.send`. Imported first by the engine worker, this makes the Node IPC surface work
 * there too, so the worker is written once against `process.send`.
 */

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;

if (port && typeof process.send !== 'function') {
  process.send = (message: unknown): boolean => {
    port.postMessage(message);
    return true;
  };
  port.on('message', ({ data }) => process.emit('message', data as never, undefined as never));
}
