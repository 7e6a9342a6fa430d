/** `validate`: the design's diagnostics; the exit status says whether it is usable. */

import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import type { CliCommand } from '../types';
import { designArgOptions, loadOnlyDesign } from '../designSource';
import { diagnosticCounts, formatDiagnostic } from '../summaryReport';

const options = { json: { type: 'boolean' } } as const;

export const command: CliCommand = {
  summary: 'Check a design or preset and print its diagnostics.',
  usage: [
    'Usage: inception-studio validate <design file | preset:NAME> [--input N] [--classes N] [--param key=value]... [--json]',
    '',
    '  --json  print the diagnostics as a JSON array',
    '',
    'Exit status: 0 no errors (warnings allowed), 1 the design has errors,',
    '2 unusable input (missing file, malformed JSON, unknown preset, bad option).',
  ].join('\n'),
  options: { ...designArgOptions, ...options },
  async run(args, io) {
    const loaded = await loadOnlyDesign('validate', args, io, options);
    if (loaded === 2) return 2;
    const { design, values } = loaded;
    const { diagnostics } = analyze(design.document);
    if (values.json === true) {
      io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
    } else {
      const lines = diagnostics.map(formatDiagnostic);
      if (design.migratedFrom !== undefined) lines.unshift(`note: read format version ${design.migratedFrom}; saving writes the current version.`);
      lines.push(`${design.document.name}: ${diagnosticCounts(diagnostics)}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
