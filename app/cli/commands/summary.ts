/** `summary`: shapes, parameters and MACs of a design or preset, per stage and in total. */

import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import type { CliCommand } from '../types';
import { loadOnlyDesign } from '../designSource';
import { formatSummary, summarize } from '../summaryReport';

export const command: CliCommand = {
  summary: 'Print output shapes, parameters and MACs per stage, and totals.',
  usage: [
    'Usage: inception-studio summary <design file | preset:NAME> [--input N] [--classes N] [--param key=value]... [--json]',
    '',
    '  --input N          square input size (overrides the design)',
    '  --classes N        classifier units (overrides the design)',
    '  --param key=value  preset option: bnGamma, dropout, scales=0.17,0.1,0.2, width=0.25, repeats=1,2,1, input, classes',
    '  --json             print one JSON object instead of the table',
    '',
    'Exit status: 0 the design is valid, 1 it has errors (totals may then be partial), 2 unusable input.',
  ].join('\n'),
  async run(args, io) {
    const loaded = await loadOnlyDesign('summary', args, io, { json: { type: 'boolean' } });
    if (loaded === 2) return 2;
    const { design, values } = loaded;
    const summary = summarize(design.document, analyze(design.document));
    io.stdout(values.json === true ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return hasErrors(summary.diagnostics) ? 1 : 0;
  },
};
