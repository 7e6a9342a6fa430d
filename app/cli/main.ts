#!/usr/bin/env node
/**
 * `inception-studio <command>`: the headless command line over the same core as the app.
 * Commands load lazily so that `summary` never pays for TensorFlow.js start-up.
 */

import { printable } from '../text/printable';
import type { CliCommand, CliIo, ExitCode } from './types';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  presets: () => import('./commands/presets'),
  summary: () => import('./commands/summary'),
  validate: () => import('./commands/validate'),
  'export-preset': () => import('./commands/exportPreset'),
  predict: () => import('./commands/predict'),
  train: () => import('./commands/train'),
  evaluate: () => import('./commands/evaluate'),
};

async function printHelp(io: CliIo): Promise<void> {
  const lines = ['Usage: inception-studio <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  }
  lines.push('', 'Run `inception-studio <command> --help` for its options.');
  io.stdout(lines.join('\n') + '\n');
}

/** `io` whose text shows control characters escaped: file, class and design names are data. */
function printableIo(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(printable(text, '\n\t')), stderr: (text) => io.stderr(printable(text, '\n\t')) };
}

export async function main(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  const io = printableIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await printHelp(io);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`inception-studio: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}.\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, io);
}

const isEntry = process.argv[1] !== undefined && /[\\/]app[\\/]cli[\\/]main\.ts$|inception-studio(\.mjs)?$/.test(process.argv[1]);
if (isEntry) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    ...(process.stdout.isTTY ? { terminalControl: (sequence: string) => process.stdout.write(sequence) } : {}),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr(`inception-studio: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
