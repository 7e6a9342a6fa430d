/**
 * The seam between the trainer host and the process it starts. The desktop host launches an
 * Electron `utilityProcess`; the web host and the tests fork a Node child. The trainer host
 * only sees this channel, so its logic is the same (and tested) for both.
 */

export interface ChildChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends; `code` is null when a signal ended it. */
  onExit(listener: (code: number | null) => void): void;
  /** Forced end: the process gets no chance to write anything more. */
  kill(): void;
}

/** Starts one process running `entry` (a built .js file, or a .ts file through tsx in Node). */
export type LaunchProcess = (entry: string) => ChildChannel;
