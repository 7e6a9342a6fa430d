/** A `CliIo` that records what a command prints, for running commands in-process in tests. */

import type { CliIo } from '../types';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIo(cwd: string): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    isTty: false,
    stderrIsTty: false,
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** Runs `inception-studio …argv` in-process in `cwd`; returns the exit status and what it printed. */
export async function runCli(cwd: string, argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../main');
  const io = captureIo(cwd);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}
