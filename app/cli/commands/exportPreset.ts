/** `export-preset`: writes a preset as an ordinary design file, atomically. */

import { resolve } from 'node:path';
import { serializeDesign } from '../../design/document';
import { DESIGN_EXTENSION } from '../../design/types';
import type { CliCommand } from '../types';
import { designArgOptions, loadDesignFromArgs, PRESET_PREFIX } from '../designSource';
import { writeErrorReason } from '../../engine/files/fileWriteError';
import { writeFileAtomic } from '../../engine/files/writeFileAtomic';

export const command: CliCommand = {
  summary: 'Write a preset as a design file you can open and edit.',
  usage: [
    `Usage: inception-studio export-preset NAME <out file${DESIGN_EXTENSION}> [--input N] [--classes N] [--param key=value]...`,
    '',
    'NAME is a preset from `inception-studio presets` (with or without the preset: prefix).',
    'The file is written atomically: a reader never sees half of it.',
    'Exit status: 0 written, 2 unusable input or the file cannot be written.',
  ].join('\n'),
  options: designArgOptions,
  async run(args, io) {
    const [first, ...rest] = args;
    const name = first === undefined || first.startsWith('-') || first.startsWith(PRESET_PREFIX) ? first : `${PRESET_PREFIX}${first}`;
    const loaded = await loadDesignFromArgs(name === undefined ? rest : [name, ...rest], io.cwd);
    if (!loaded.ok) {
      io.stderr(`export-preset: ${loaded.message}\n`);
      return 2;
    }
    const { design, positionals } = loaded.value;
    if (positionals.length !== 1) {
      io.stderr(`export-preset: ${positionals.length === 0 ? 'missing the output file' : `unexpected argument '${positionals[1]}'`}.\n`);
      return 2;
    }
    const path = resolve(io.cwd, positionals[0]);
    try {
      await writeFileAtomic(path, serializeDesign(design.document));
    } catch (error) {
      io.stderr(`export-preset: cannot write '${positionals[0]}': ${writeErrorReason(error, path)}\n`);
      return 2;
    }
    io.stdout(`Wrote ${design.document.name} (${design.document.nodes.length} nodes) to ${path}\n`);
    return 0;
  },
};
