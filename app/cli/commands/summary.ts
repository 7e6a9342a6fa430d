/** `summary`: shapes, parameters and MACs of a design or preset, per stage and in total. */

import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import type { CliCommand } from '../types';
import { designArgOptions, loadOnlyDesign } from '../designSource';
import { summarizeLayers } from '../../analysis/layerSummary';
import { formatLayerSummary } from '../layerReport';
import { formatSummary, summarize } from '../summaryReport';

const options = { json: { type: 'boolean' }, layers: { type: 'boolean' } } as const;

export const command: CliCommand = {
  summary: 'Print output shapes, parameters and MACs per stage (or per layer), and totals.',
  usage: [
    'Usage: inception-studio summary <design file | preset:NAME> [--layers] [--input N] [--classes N] [--param key=value]... [--json]',
    '',
    '  --layers           every layer (type, output, parameters, MACs, the layers it reads from), grouped by block',
    '  --input N          square input size (overrides the design)',
    '  --classes N        classifier units (overrides the design)',
    '  --param key=value  preset option: bnGamma, dropout, scales=0.17,0.1,0.2, width=0.25, repeats=1,2,1, input, classes',
    '  --json             print one JSON object instead of the table (with --layers: a layers array too)',
    '',
    'Exit status: 0 the design is valid, 1 it has errors (totals may then be partial), 2 unusable input.',
  ].join('\n'),
  options: { ...designArgOptions, ...options },
  async run(args, io) {
    const loaded = await loadOnlyDesign('summary', args, io, options);
    if (loaded === 2) return 2;
    const { design, values } = loaded;
    const analysis = analyze(design.document);
    const summary = summarize(design.document, analysis);
    const layers = values.layers === true ? summarizeLayers(analysis) : null;
    if (values.json === true) io.stdout(`${JSON.stringify(layers ? { ...summary, layers } : summary, null, 2)}\n`);
    else io.stdout(layers ? formatLayerSummary(summary, layers) : formatSummary(summary));
    return hasErrors(summary.diagnostics) ? 1 : 0;
  },
};
