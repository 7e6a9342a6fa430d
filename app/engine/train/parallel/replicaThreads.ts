/**
 * Starting and stopping replica worker threads. From source (tsx: the CLI, tests) a worker
 * registers tsx's loader before importing the TypeScript entry; in the desktop build the entry
 * is the bundled `replicaWorker.js` beside the trainer's own file.
 */

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicaReply, ReplicaSetup } from './replicaProtocol';

function startWorker(setup: ReplicaSetup): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./replicaWorker.ts', import.meta.url).href;
    const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(source, { eval: true, workerData: setup });
  }
  return new Worker(fileURLToPath(new URL('./replicaWorker.js', import.meta.url)), { workerData: setup });
}

/** A replica's next reply, of the kind `expected`; a worker that fails or exits first rejects with what it said. */
export function nextReply<K extends 'ready' | 'done'>(worker: Worker, replica: number, expected: K): Promise<Extract<ReplicaReply, { type: K }>> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: ReplicaReply): void => {
      cleanup();
      if (message.type === 'failed') reject(new Error(`Training replica ${replica}: ${message.message}`));
      else if (message.type === expected) resolve(message as Extract<ReplicaReply, { type: K }>);
      else reject(new Error(`Training replica ${replica} answered '${message.type}' where '${expected}' was due.`));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new Error(`Training replica ${replica}: ${error.message}`));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`Training replica ${replica} ended unexpectedly (exit code ${code}).`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

/** Starts one worker per setup and waits until each has its model. */
export async function startReplicas(setups: readonly ReplicaSetup[]): Promise<Worker[]> {
  const workers = setups.map(startWorker);
  try {
    await Promise.all(workers.map((worker, i) => nextReply(worker, setups[i].replica, 'ready')));
  } catch (error) {
    await stopReplicas(workers);
    throw error;
  }
  return workers;
}

/** Ends the workers; a replica between steps holds nothing worth saving (the main thread has the weights). */
export async function stopReplicas(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.terminate()));
}
