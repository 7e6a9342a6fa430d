/**
 * Worker threads of the engine, each with its own TensorFlow.js and wasm instance: the replicas
 * of a data-parallel training run and the replicas of batch inference. From source (tsx: the
 * CLI, tests) a worker registers tsx's loader before importing its TypeScript entry; in the
 * desktop build each entry is a bundled file beside the trainer's and the engine worker's own.
 */

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Each thread entry, as a path from this file in the sources; bundled as `<name>.js`. */
const ENTRIES = {
  replicaWorker: './train/parallel/replicaWorker.ts',
  forwardWorker: './inference/forwardWorker.ts',
} as const;

export type EngineThread = keyof typeof ENTRIES;

export function startEngineThread(name: EngineThread, workerData: unknown): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL(ENTRIES[name], import.meta.url).href;
    const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(source, { eval: true, workerData });
  }
  return new Worker(fileURLToPath(new URL(`./${name}.js`, import.meta.url)), { workerData });
}

/**
 * A thread's next message, of the kind `expected`; a `failed` message, an error or an exit
 * first rejects, naming the thread as `who`.
 */
export function nextMessage<M extends { type: string }, K extends M['type']>(worker: Worker, who: string, expected: K): Promise<Extract<M, { type: K }>> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: M): void => {
      cleanup();
      if (message.type === expected) resolve(message as Extract<M, { type: K }>);
      else if (message.type === 'failed') reject(new Error(`${who}: ${(message as unknown as { message: string }).message}`));
      else reject(new Error(`${who} answered '${message.type}' where '${expected}' was due.`));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new Error(`${who}: ${error.message}`));
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`${who} ended unexpectedly (exit code ${code}).`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

/** Starts one thread per `workerData` and waits for each one's `ready`; ends them all if one fails. */
export async function startEngineThreads(name: EngineThread, data: readonly unknown[], who: (index: number) => string): Promise<Worker[]> {
  const workers = data.map((item) => startEngineThread(name, item));
  try {
    await Promise.all(workers.map((worker, i) => nextMessage<{ type: 'ready' | 'failed' }, 'ready'>(worker, who(i), 'ready')));
  } catch (error) {
    await stopEngineThreads(workers);
    throw error;
  }
  return workers;
}

/** Ends the threads; one between requests holds nothing worth saving. */
export async function stopEngineThreads(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.terminate()));
}
