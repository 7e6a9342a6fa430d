/** `evaluate`: a saved model directory on a dataset — loss, top-1, top-5, confusion matrix. */

import { resolve } from 'node:path';
import { BackendUnavailableError } from '../../engine/backends/select';
import { describeInference } from '../inferenceReport';
import { DatasetError } from '../../engine/data/types';
import { ModelDirError } from '../../node/modelDir/format';
import { evaluateModelDir } from '../../engine/train/evaluateModel';
import { METRICS, metricText } from '../../training/hyperparameters';
import type { EvaluationReport } from '../../training/types';
import { BACKEND_CHOICES, backendFlag, commandFailure, integerFlag, parseCommandArgs } from '../commandArgs';
import { progressReporter } from '../progress/progressReporter';
import type { CliCommand } from '../types';

const options = {
  data: { type: 'string' },
  batch: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Confusion matrices wider than this are left to --json. */
const maxPrintedClasses = 20;

function formatConfusion(report: Pick<EvaluationReport, 'classNames' | 'confusion'>): string {
  const rowLabels = report.classNames.map((n, i) => `${i} ${n.length > 14 ? `${n.slice(0, 13)}…` : n}`);
  const corner = 'true \\ predicted';
  const labelWidth = Math.max(corner.length, ...rowLabels.map((l) => l.length));
  const cell = Math.max(5, ...report.confusion.flat().map((v) => String(v).length + 1));
  const header = `${corner.padEnd(labelWidth)}${report.classNames.map((_, i) => String(i).padStart(cell)).join('')}`;
  const rows = report.confusion.map((row, i) => `${rowLabels[i].padEnd(labelWidth)}${row.map((v) => String(v).padStart(cell)).join('')}`);
  return [header, ...rows].join('\n');
}

export const command: CliCommand = {
  summary: 'Evaluate a saved model on a dataset: loss, top-1, top-5 and the confusion matrix.',
  usage: [
    'Usage: inception-studio evaluate <model dir> [--data DIR|CSV] [options]',
    '',
    '  --data DIR|CSV     class sub-folders or a path,label CSV (default: the bundled Fashion-MNIST sample);',
    '                     its class names must be among the model\'s labels',
    '  --batch N          images per batch (default 32)',
    `  --backend NAME     ${BACKEND_CHOICES} (default: onnxruntime-node when installed, else the first that loads)`,
    '  --json             print the report as JSON (progress: JSON lines on stderr)',
    '',
    'Images are prepared as the model directory records (Inception: central 87.5% crop, bilinear',
    'resize, values in [-1, 1]), exactly as `predict` prepares them. A training checkpoint',
    '(RUN_DIR/checkpoints/best or last) is a model directory. Progress of the dataset check and',
    'of the evaluation goes to stderr.',
    'Exit status: 0 evaluated, 2 unusable input (missing model, dataset or option).',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('evaluate', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    if (positionals.length !== 1) return fail(positionals.length === 0 ? 'Missing the model directory.' : `unexpected argument '${positionals[1]}'.`);
    const backendArg = backendFlag(values.backend);
    if (!backendArg.ok) return fail(backendArg.error);
    const backend = backendArg.value;
    const batch = integerFlag(values.batch, 'batch', 1);
    if (!batch.ok) return fail(batch.error);
    const json = values.json === true;
    const scanProgress = progressReporter(io, { task: 'scan', unit: 'images', json, label: 'checking dataset' });
    const progress = progressReporter(io, { task: 'evaluate', unit: 'images', json });
    let report;
    try {
      report = await evaluateModelDir(resolve(io.cwd, positionals[0]), {
        ...(typeof values.data === 'string' ? { data: resolve(io.cwd, values.data) } : {}),
        ...(backend ? { backend } : {}),
        batchSize: batch.value ?? 32,
        onScanProgress: scanProgress.update,
        onScan: (scan) => {
          scanProgress.finish();
          for (const warning of scan.warnings) io.stderr(`warning: ${warning}\n`);
        },
        onProgress: progress.update,
      });
    } catch (error) {
      if (error instanceof ModelDirError || error instanceof DatasetError || error instanceof BackendUnavailableError) return fail(error.message);
      throw error;
    } finally {
      scanProgress.finish();
      progress.finish();
    }
    const { backend: backendReport, runtime, ...result } = report;
    if (json) {
      io.stdout(`${JSON.stringify({ ...result, runtime }, null, 2)}\n`);
      return 0;
    }
    const lines = [
      describeInference(backendReport, runtime),
      `images: ${result.images}`,
      ...METRICS.map((metric) => `${`${metric.label}:`.padEnd(8)}${metricText(metric, result[metric.name], 2)}`),
    ];
    if (result.classNames.length <= maxPrintedClasses) lines.push('', formatConfusion(result));
    else lines.push('', `(confusion matrix of ${result.classNames.length} classes: use --json)`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
