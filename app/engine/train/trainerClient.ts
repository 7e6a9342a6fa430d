/**
 * Starts and steers a trainer process from Node (the command line, the web host, tests):
 * forks `trainerProcess.ts` through tsx's loader and relays its events.
 */

import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrainerCommand, TrainerStartRequest } from '../../training/processProtocol';
import type { TrainEvent } from '../../training/types';

export interface TrainerOptions {
  onEvent: (event: TrainEvent) => void;
  /** The child's own stdout and stderr (TensorFlow.js notices); default: this process's stderr. */
  onOutput?: (text: string) => void;
  /** The entry to fork; default: trainerProcess.ts next to this file. */
  entry?: string;
}

export interface TrainerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The final `done` or `error` event, or null when the process died without one. */
  final: Extract<TrainEvent, { type: 'done' | 'error' }> | null;
}

export interface TrainerHandle {
  pid: number | undefined;
  pause(): void;
  resume(): void;
  /** Finish the current step, save a checkpoint, end. */
  stop(): void;
  /** End the process at once (no checkpoint beyond the last one). */
  kill(signal?: NodeJS.Signals): void;
  exited: Promise<TrainerExit>;
}

const defaultTrainerEntry = (): string => fileURLToPath(new URL('./trainerProcess.ts', import.meta.url));

/** tsx's ESM loader as a URL, so the child resolves it whatever its working folder. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export function startTrainer(request: TrainerStartRequest, options: TrainerOptions): TrainerHandle {
  const entry = options.entry ?? defaultTrainerEntry();
  const execArgv = entry.endsWith('.ts') ? ['--import', tsxLoader()] : [];
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output = options.onOutput ?? ((text: string) => process.stderr.write(text));
  child.stdout?.on('data', (chunk: Buffer) => output(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output(chunk.toString()));
  let final: TrainerExit['final'] = null;
  child.on('message', (message) => {
    const event = message as TrainEvent;
    if (event.type === 'done' || event.type === 'error') final = event;
    options.onEvent(event);
  });
  const exited = new Promise<TrainerExit>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, final }));
  });
  const send = (command: TrainerCommand): void => {
    if (child.connected) child.send(command);
  };
  send({ type: 'start', request });
  return {
    pid: child.pid,
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop: () => send({ type: 'stop' }),
    kill: (signal = 'SIGKILL') => void child.kill(signal),
    exited,
  };
}
