/** What every command-line command receives and returns. */

export interface CliIo {
  /** Text to print; `main` shows any control character in it escaped (it may come from data). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** A terminal control sequence written as is (the progress line's redraw); absent off a terminal. */
  terminalControl?: (sequence: string) => void;
  /** Whether stdout is an interactive terminal (progress bars) or a pipe (plain lines). */
  isTty: boolean;
  cwd: string;
}

/** Exit codes: 0 success, 1 the design has errors / the run failed, 2 unusable input. */
export type ExitCode = 0 | 1 | 2;

export interface CliCommand {
  /** One line for `--help`. */
  summary: string;
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
