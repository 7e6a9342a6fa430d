/** `presets`: the built-in architectures, one line each. */

import { presets } from '../../presets/index';
import type { CliCommand } from '../types';
import { parseCommandArgs } from '../commandArgs';

const options = { json: { type: 'boolean' } } as const;

export const command: CliCommand = {
  summary: 'List the built-in presets (the paper architectures).',
  usage: [
    'Usage: inception-studio presets [--json]',
    '',
    '  --json  print the presets as a JSON array (name, title, note, reference)',
    '',
    'Lists the presets, one per line: name and what it is. Use one as preset:NAME in summary,',
    'validate, predict and train, or write it as a design file with export-preset.',
    'Exit status: 0, or 2 for an unknown option or argument.',
  ].join('\n'),
  options,
  async run(args, io) {
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok || parsed.value.positionals.length > 0) {
      io.stderr(`presets: ${parsed.ok ? `unexpected argument '${parsed.value.positionals[0]}'` : parsed.message}\n`);
      return 2;
    }
    if (parsed.value.values.json === true) {
      io.stdout(`${JSON.stringify(presets, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...presets.map((preset) => preset.name.length));
    io.stdout(presets.map((preset) => `${preset.name.padEnd(width)}  ${preset.note}\n`).join(''));
    return 0;
  },
};
