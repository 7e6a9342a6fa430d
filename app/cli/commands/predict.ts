/** `predict`: top-K classes of images, from a saved model directory or a design with random weights. */

import { BackendUnavailableError } from '../../engine/backends/select';
import { describeInference } from '../inferenceReport';
import { DesignErrorsError } from '../../engine/compile/errors';
import { ModelDirError } from '../../node/modelDir/format';
import { DEFAULT_PREDICT_BATCH, runPrediction } from '../../engine/predict';
import type { ImagePrediction } from '../../protocol';
import { BACKEND_CHOICES, backendFlag, commandFailure, integerFlag, parseCommandArgs } from '../commandArgs';
import { designArgOptions } from '../designSource';
import { progressReporter } from '../progress/progressReporter';
import type { CliCommand } from '../types';
import { predictSource } from './predictSource';

const options = {
  ...designArgOptions,
  top: { type: 'string' },
  batch: { type: 'string' },
  backend: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function formatPrediction(prediction: ImagePrediction): string {
  if (prediction.error) return `${prediction.image}\n  error: ${prediction.error}`;
  const rows = prediction.top.map((t, i) => `  ${String(i + 1).padStart(2)}. ${(t.probability * 100).toFixed(2).padStart(6)}%  ${t.label} (#${t.classIndex})`);
  return [prediction.image, ...rows].join('\n');
}

export const command: CliCommand = {
  summary: 'Classify images with a saved model, or a design with random weights.',
  usage: [
    'Usage: inception-studio predict <model dir | design file | preset:NAME> <image>... [options]',
    '',
    '  --top K          classes to show per image (default 5)',
    `  --batch N        images per batch (default ${DEFAULT_PREDICT_BATCH}); more images than one batch show progress on stderr`,
    `  --backend NAME   ${BACKEND_CHOICES} (default: onnxruntime-node for a model directory when installed, else the first that loads)`,
    '  --json           print the predictions as JSON (progress: JSON lines on stderr)',
    '  --seed N         weight seed for a design (default 1)',
    '  --input N, --classes N, --param key=value   as in `summary` (designs and presets only)',
    '',
    'Images: JPEG, PNG or WebP, as for datasets (others are refused with the reason), prepared as',
    'the model records (Inception: central 87.5% crop, bilinear resize, values in [-1, 1]).',
    'Exit status: 0 all images classified, 1 some images unreadable or the design has errors,',
    '2 unusable input (no image readable, missing model, bad option).',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('predict', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    const [sourceArg, ...images] = positionals;
    if (sourceArg === undefined) return fail('Missing the model: a model directory, a design file or preset:NAME.');
    if (images.length === 0) return fail('Missing the images to classify.');
    const backendArg = backendFlag(values.backend);
    if (!backendArg.ok) return fail(backendArg.error);
    const backend = backendArg.value;
    const top = integerFlag(values.top, 'top', 1);
    const seed = integerFlag(values.seed, 'seed', 0);
    const batch = integerFlag(values.batch, 'batch', 1);
    if (!top.ok) return fail(top.error);
    if (!seed.ok) return fail(seed.error);
    if (!batch.ok) return fail(batch.error);
    const batchSize = batch.value ?? DEFAULT_PREDICT_BATCH;
    const source = await predictSource(sourceArg, values, io.cwd, seed.value);
    if (!source.ok) return fail(source.error);

    // One batch is over too quickly to need progress.
    const progress = images.length > batchSize ? progressReporter(io, { task: 'predict', unit: 'images', json: values.json === true }) : null;
    let run;
    try {
      run = await runPrediction(
        source.value.source,
        images.map((path) => ({ path })),
        { top: top.value ?? 5, backend, batchSize, ...(progress ? { onProgress: progress.update } : {}) },
      );
    } catch (error) {
      if (error instanceof DesignErrorsError) return fail(error.message, 1);
      if (error instanceof ModelDirError || error instanceof BackendUnavailableError) return fail(error.message, 2);
      throw error;
    } finally {
      progress?.finish();
    }
    const failed = run.predictions.filter((p) => p.error).length;
    if (values.json === true) {
      io.stdout(`${JSON.stringify({ backend: run.backend, runtime: run.runtime, weights: run.weights, predictions: run.predictions }, null, 2)}\n`);
      for (const p of run.predictions) if (p.error) io.stderr(`predict: ${p.error}\n`);
    } else {
      io.stdout(`${describeInference(run.backend, run.runtime)}\nmodel: ${source.value.title}\n\n${run.predictions.map(formatPrediction).join('\n\n')}\n`);
    }
    return failed === 0 ? 0 : failed === run.predictions.length ? 2 : 1;
  },
};
