/**
 * Calls into the engine worker process: starts it on first use, matches replies to requests,
 * and when it dies fails the calls in flight with a clear message and starts afresh next call.
 */

import type { ProgressEvent } from '../../app/training/progress';
import type { EngineWorkerMethod, EngineWorkerMethods, EngineWorkerProgress, EngineWorkerReply, EngineWorkerRequest } from './engineWorkerProtocol';
import type { ChildChannel, LaunchProcess } from './processLauncher';

export interface EngineWorkerClient {
  call<M extends EngineWorkerMethod>(method: M, request: EngineWorkerMethods[M]['request']): Promise<EngineWorkerMethods[M]['response']>;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const isReply = (value: unknown): value is EngineWorkerReply =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number' && typeof (value as { ok?: unknown }).ok === 'boolean';

const isProgress = (value: unknown): value is EngineWorkerProgress =>
  typeof value === 'object' && value !== null && (value as { progress?: { type?: unknown } }).progress?.type === 'progress';

/** `onProgress` hears the long work (scans, evaluation, prediction) of the requests in flight. */
export function createEngineWorkerClient(launch: LaunchProcess, entry: string, onCrash: (message: string) => void, onProgress: (event: ProgressEvent) => void = () => {}): EngineWorkerClient {
  let channel: ChildChannel | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (): ChildChannel => {
    const started = launch(entry);
    started.onMessage((message) => {
      if (isProgress(message)) {
        onProgress(message.progress);
        return;
      }
      if (!isReply(message)) return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    });
    started.onExit((code) => {
      if (channel === started) channel = null;
      if (pending.size === 0) return;
      const message = `The engine process ended (${code === null ? 'killed by a signal' : `exit code ${code}`}) while answering a request; it restarts on the next one.`;
      for (const waiting of pending.values()) waiting.reject(new Error(message));
      pending.clear();
      onCrash(message);
    });
    return started;
  };

  return {
    call(method, request) {
      channel ??= start();
      const id = nextId++;
      const message: EngineWorkerRequest = { id, method, request };
      const answer = new Promise<EngineWorkerMethods[typeof method]['response']>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
      channel.send(message);
      return answer;
    },
    close() {
      channel?.kill();
      channel = null;
    },
  };
}
