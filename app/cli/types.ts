/** What every command-line command receives and returns. */

import type { ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (train's progress bar) or a pipe (plain lines). */
  isTty: boolean;
  /** The same for stderr, where the other commands show progress. */
  stderrIsTty: boolean;
  cwd: string;
}

/** Exit codes: 0 success, 1 the design has errors / the run failed, 2 unusable input. */
export type ExitCode = 0 | 1 | 2;

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliCommand {
  /** One line for `--help`. */
  summary: string;
  /** The `<command> --help` text; names every option (a test holds it to `options` and docs/cli.md). */
  usage: string;
  /** Its options as `node:util` parseArgs reads them. */
  options: CommandOptions;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}
