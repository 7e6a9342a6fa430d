/** `export`: a design, preset or model directory as ONNX, PyTorch or portable TF.js. */

import { resolve } from 'node:path';
import { BackendUnavailableError, selectBackend } from '../../engine/backends/select';
import { DesignErrorsError } from '../../engine/compile/errors';
import { exportModel } from '../../engine/export/exportModel';
import { PortableTfjsError } from '../../engine/export/portableTfjs';
import { exportBytes } from '../../export/exportOutput';
import { FileWriteError } from '../../node/files/fileWriteError';
import { writeExportOutput } from '../../node/files/writeExportOutput';
import { ModelDirError } from '../../node/modelDir/format';
import { packageVersion } from '../../node/runtimeVersions';
import { EXPORT_FORMATS, MODEL_EXPORT_FORMATS, type ModelExportFormat } from '../../protocol';
import { choices, commandFailure, integerFlag, parseCommandArgs } from '../commandArgs';
import { designArgOptions } from '../designSource';
import { progressReporter } from '../progress/progressReporter';
import type { CliCommand } from '../types';
import { predictSource } from './predictSource';

const options = {
  ...designArgOptions,
  format: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const FORMAT_CHOICES = choices(MODEL_EXPORT_FORMATS);

const isModelFormat = (value: unknown): value is ModelExportFormat => MODEL_EXPORT_FORMATS.some((format) => format === value);

export const command: CliCommand = {
  summary: 'Export a design or trained model as ONNX, PyTorch or portable TF.js.',
  usage: [
    'Usage: inception-studio export <model dir | design file | preset:NAME> --format FORMAT --out PATH [options]',
    '',
    `  --format FORMAT  ${FORMAT_CHOICES}:`,
    '                     onnx     one .onnx file (opset 13, input N×C×H×W, outputs logits and probabilities)',
    '                     pytorch  a folder: model.py, weights.npz, train.py (torchrun), README.md, classes.json, metadata.json, the design',
    '                     tfjs     a folder: model.json + weights.bin that plain @tensorflow/tfjs loads',
    '  --out PATH       the file (onnx) or folder (pytorch, tfjs) to write; a folder holding other files is refused',
    '  --seed N         weight seed for a design or preset: its initial weights (default 1)',
    '  --json           progress as JSON lines on stderr, the result as JSON on stdout',
    '  --input N, --classes N, --param key=value   as in `summary` (designs and presets only)',
    '',
    'From a model directory (or a checkpoint, RUN_DIR/checkpoints/best) the trained weights go',
    'along. Every format computes what the Studio computes (docs/export.md says which to use for what).',
    'The output is written atomically: a reader never sees half of it.',
    'Exit status: 0 written, 1 the design has errors (nothing written), 2 unusable input or the',
    'output cannot be written.',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('export', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    const [sourceArg, stray] = positionals;
    if (sourceArg === undefined) return fail('Missing what to export: a model directory, a design file or preset:NAME.');
    if (stray !== undefined) return fail(`unexpected argument '${stray}'.`);
    const format = values.format;
    if (!isModelFormat(format)) return fail(format === undefined ? `Missing --format: ${FORMAT_CHOICES}.` : `--format ${String(format)}: expected ${FORMAT_CHOICES}.`);
    if (typeof values.out !== 'string') return fail(`Missing --out: the ${EXPORT_FORMATS[format].writes} to write.`);
    const seed = integerFlag(values.seed, 'seed', 0);
    if (!seed.ok) return fail(seed.error);
    const source = await predictSource(sourceArg, values, io.cwd, seed.value);
    if (!source.ok) return fail(source.error);
    const out = resolve(io.cwd, values.out);

    const json = values.json === true;
    const progress = progressReporter(io, { task: 'export', unit: 'layers', json });
    const started = performance.now();
    let written;
    try {
      await selectBackend({});
      const output = await exportModel(source.value.source, format, { appVersion: packageVersion(), onProgress: progress.update });
      progress.finish();
      const result = await writeExportOutput(out, output);
      if (!result.ok) return fail(result.error);
      written = { bytes: exportBytes(output), seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      progress.finish();
      if (error instanceof DesignErrorsError) return fail(`${error.message} Nothing was written.`, 1);
      if (error instanceof PortableTfjsError || error instanceof ModelDirError || error instanceof BackendUnavailableError) return fail(error.message);
      if (error instanceof FileWriteError) return fail(error.message);
      throw error;
    }
    if (json) io.stdout(`${JSON.stringify({ format, path: out, ...written })}\n`);
    else io.stdout(`Wrote ${source.value.title} as ${format} to ${out} (${(written.bytes / 1e6).toFixed(1)} MB in ${written.seconds.toFixed(1)} s)\n`);
    return 0;
  },
};
