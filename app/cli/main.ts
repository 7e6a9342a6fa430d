#!/usr/bin/env node
/**
 * `inception-studio <command>`: the headless command line over the same core as the app.
 * Commands load lazily so that `summary` never pays for TensorFlow.js start-up.
 */

import { releaseProcessResources } from '../engine/processRelease';
import { errorMessage } from '../result';
import { runtimeVersions } from '../node/runtimeVersions';
import { printable } from '../text/printable';
import { versionLine } from '../versions';
import type { CliCommand, CliIo, ExitCode } from './types';

export const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  presets: () => import('./commands/presets'),
  summary: () => import('./commands/summary'),
  validate: () => import('./commands/validate'),
  'export-preset': () => import('./commands/exportPreset'),
  export: () => import('./commands/export'),
  import: () => import('./commands/import'),
  predict: () => import('./commands/predict'),
  train: () => import('./commands/train'),
  evaluate: () => import('./commands/evaluate'),
  experiment: () => import('./commands/experiment'),
  doctor: () => import('./commands/doctor'),
};

/** The top-level `--help`: every command with its one-line summary. */
export async function topLevelHelp(): Promise<string> {
  const lines = ['Usage: inception-studio <command> [options]', '       inception-studio --version | --help | help <command>', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  }
  lines.push('', 'Run `inception-studio <command> --help` for its options.', 'Exit status: 0 success, 1 the design has errors or the work failed, 2 unusable input.');
  return lines.join('\n') + '\n';
}

function unknownCommand(name: string, io: CliIo): ExitCode {
  io.stderr(`inception-studio: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}.\n`);
  return 2;
}

/**
 * `io` whose text shows control characters escaped (file, class and design names are data);
 * only `terminalControl` writes a control sequence as is.
 */
function printableIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(printable(text, '\n\t')),
    stderr: (text) => io.stderr(printable(text, '\n\t')),
    terminalControl: io.terminalControl ?? ((stream, sequence) => io[stream](sequence)),
  };
}

export async function main(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  const io = printableIo(rawIo);
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`${versionLine(runtimeVersions())}\n`);
    return 0;
  }
  if (name === 'help' && rest.length > 0) {
    const load = commands[rest[0]];
    if (!load) return unknownCommand(rest[0], io);
    io.stdout(`${(await load()).command.usage}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(await topLevelHelp());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) return unknownCommand(name, io);
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

const isEntry = process.argv[1] !== undefined && /[\\/]app[\\/]cli[\\/]main\.ts$|inception-studio(\.mjs)?$/.test(process.argv[1]);
if (isEntry) {
  // `inception-studio … | head` closes the pipe early: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    terminalControl: (stream, sequence) => process[stream].write(sequence),
  };
  main(process.argv.slice(2), io)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        io.stderr(`inception-studio: ${errorMessage(error)}\n`);
        process.exitCode = 1;
      },
    )
    // A GPU device would keep the process alive after its output is written.
    .finally(releaseProcessResources);
}
