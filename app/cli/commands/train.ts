/** `train`: trains a design or preset in a separate trainer process, with progress or JSON lines. */

import { join, resolve } from 'node:path';
import { analyze } from '../../analysis/analyze';
import { hasErrors } from '../../analysis/diagnostic';
import { DesignErrorsError } from '../../engine/compile/errors';
import { readRunRecord } from '../../node/runs/runRecord';
import { startTrainer } from '../../engine/train/trainerClient';
import { serializeDesign } from '../../design/document';
import { defaultTrainConfig } from '../../training/defaults';
import { OPTIMIZER_NAMES } from '../../training/hyperparameters';
import type { TrainerStartRequest } from '../../training/processProtocol';
import { DEFAULT_IMAGE_CACHE_MB, imageCacheProblem } from '../../training/imageCache';
import { DEFAULT_MIN_SHARE, workersProblem } from '../../training/replicas';
import { BACKEND_CHOICES, backendFlag, commandFailure, parseCommandArgs } from '../commandArgs';
import { designArgOptions, designSourceOptions, loadDesignSource } from '../designSource';
import { hyperparameterUsage, trainConfigFlagOptions, trainConfigFlags } from '../trainConfigFlags';
import type { CliCommand } from '../types';
import { progressPrinter } from '../progress/trainProgress';

const options = {
  ...designArgOptions,
  ...trainConfigFlagOptions,
  data: { type: 'string' },
  val: { type: 'string' },
  backend: { type: 'string' },
  memory: { type: 'string' },
  workers: { type: 'string' },
  'image-cache': { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');

export const command: CliCommand = {
  summary: 'Train a design or preset on an image dataset (default: the bundled Fashion-MNIST sample).',
  usage: [
    'Usage: inception-studio train <design file | preset:NAME> [options]',
    '       inception-studio train --resume RUN_DIR [--epochs N] [--set KEY=VALUE]... [--workers N] [--image-cache MB] [--json]',
    '',
    '  --data DIR|CSV     class sub-folders of JPEG/PNG/WebP, or a path,label CSV (default: bundled Fashion-MNIST sample)',
    '  --val DIR|CSV      separate validation set (default: a seeded 10% of --data)',
    `  --epochs N         (default ${defaultTrainConfig.epochs})            --batch N    (default ${defaultTrainConfig.batchSize})`,
    '  --lr X             initial learning rate (default 0.045; adam 0.001), × 0.94 every 2 epochs',
    `  --optimizer NAME   ${OPTIMIZER_NAMES.join(', ')} (default ${defaultTrainConfig.optimizer}: decay 0.9, ε 1.0, momentum 0.9)`,
    `  --seed N           data order, augmentation, initial weights (default ${defaultTrainConfig.seed})`,
    '  --set KEY=VALUE    any other setting (repeatable); KEY is one of:',
    ...hyperparameterUsage(),
    `  --backend NAME     ${BACKEND_CHOICES} (default: the first that loads)`,
    "  --memory GiB       memory the run may use (a GPU's: WebGPU cannot read it), for the batch advice",
    '  --workers N        wasm only: data-parallel replicas, one worker thread each (default: one per core,',
    `                     at least ${DEFAULT_MIN_SHARE} images each; 1: one thread)`,
    `  --image-cache MB   memory for decoded training images, cropped from memory after their first epoch`,
    `                     (default ${DEFAULT_IMAGE_CACHE_MB}; 0: decode every image every epoch)`,
    '  --out RUN_DIR      where checkpoints go (default: runs/<design>-<time>)',
    '  --resume RUN_DIR   continue a run from its last checkpoint (design, data and settings from the run)',
    '  --json             one JSON event per line instead of the progress display',
    '  --input N, --classes N, --param key=value   as in `summary`; the classifier is sized to the dataset',
    '',
    'Ctrl-C finishes the current step, saves a checkpoint and stops; --resume continues it.',
    'Exit status: 0 finished or stopped; 1 the design has errors or the run failed; 2 unusable input',
    '(dataset, settings, run folder, checkpoint) — refused before the run folder is made.',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('train', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const { values, positionals } = parsed.value;
    const backendArg = backendFlag(values.backend);
    if (!backendArg.ok) return fail(backendArg.error);
    const backend = backendArg.value;
    // Settings, the run folder and the design are checked here, before a trainer starts; the
    // datasets in the trainer, which scans them once; neither makes the run folder for bad input.
    const flags = trainConfigFlags(values);
    if (!flags.ok) return fail(flags.error);
    const memoryGiB = typeof values.memory === 'string' ? Number(values.memory) : undefined;
    if (memoryGiB !== undefined && !(memoryGiB > 0)) return fail(`--memory ${String(values.memory)}: expected a positive number of GiB.`);
    const memory = memoryGiB === undefined ? {} : { memoryBytes: Math.round(memoryGiB * 2 ** 30) };
    const workerCount = typeof values.workers === 'string' ? Number(values.workers) : undefined;
    const workersWrong = workerCount === undefined ? null : workersProblem(workerCount);
    if (workersWrong) return fail(`--workers ${String(values.workers)}: ${workersWrong}.`);
    const cacheMegabytes = typeof values['image-cache'] === 'string' ? Number(values['image-cache']) : undefined;
    const cacheWrong = cacheMegabytes === undefined ? null : imageCacheProblem(cacheMegabytes);
    if (cacheWrong) return fail(`--image-cache ${String(values['image-cache'])}: ${cacheWrong}.`);
    const compute = { ...(workerCount === undefined ? {} : { workers: workerCount }), ...(cacheMegabytes === undefined ? {} : { imageCacheMegabytes: cacheMegabytes }) };
    const resumeDir = typeof values.resume === 'string' ? resolve(io.cwd, values.resume) : undefined;
    const path = (flag: string): string | undefined => (typeof values[flag] === 'string' ? resolve(io.cwd, values[flag] as string) : undefined);

    let request: TrainerStartRequest;
    if (resumeDir) {
      if (positionals.length > 0 || values.data !== undefined || values.val !== undefined || values.out !== undefined) {
        return fail('--resume continues a run with its own design, data and folder; give only settings (--epochs, --set KEY=VALUE…), --backend, --memory, --workers, --image-cache and --json with it.');
      }
      const record = await readRunRecord(resumeDir);
      if (!record.ok) return fail(`Cannot resume: ${record.error}`);
      request = { design: '', runDir: resumeDir, resume: true, config: flags.value, ...(backend ? { backend } : {}), ...memory, ...compute };
    } else {
      if (positionals.length !== 1) return fail(positionals.length === 0 ? 'Missing the design: a design file or preset:NAME.' : `unexpected argument '${positionals[1]}'.`);
      const sourceOptions = designSourceOptions(values, io.cwd);
      if (!sourceOptions.ok) return fail(sourceOptions.error);
      const design = await loadDesignSource(positionals[0], sourceOptions.value);
      if (!design.ok) return fail(design.error);
      const { diagnostics } = analyze(design.value.document);
      if (hasErrors(diagnostics)) return fail(`${new DesignErrorsError(design.value.document.name, diagnostics).message}\nSee \`inception-studio validate\` for every diagnostic.`, 1);
      const name = design.value.document.name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'design';
      request = {
        design: serializeDesign(design.value.document),
        runDir: path('out') ?? join(io.cwd, 'runs', `${name}-${timestamp()}`),
        config: flags.value,
        ...(path('data') ? { data: path('data') } : {}),
        ...(path('val') ? { validation: path('val') } : {}),
        ...(backend ? { backend } : {}),
        ...memory,
        ...compute,
      };
    }

    const printer = progressPrinter(io, values.json === true ? 'json' : io.isTty ? 'tty' : 'plain');
    const trainer = startTrainer(request, { onEvent: printer.onEvent, onOutput: (text) => io.stderr(text) });
    // A terminal's Ctrl-C can arrive twice at once (the process group, and relayed by a tsx or
    // npm wrapper); only a second press after a pause aborts.
    let firstInterrupt = 0;
    const onInterrupt = (): void => {
      if (firstInterrupt === 0) {
        firstInterrupt = Date.now();
        io.stderr('\nStopping after the current step and saving a checkpoint (Ctrl-C again to abort without saving)…\n');
        trainer.stop();
      } else if (Date.now() - firstInterrupt > 1000) trainer.kill();
    };
    process.on('SIGINT', onInterrupt);
    try {
      const exit = await trainer.exited;
      printer.finish();
      if (exit.final?.type === 'done') return 0;
      if (exit.final === null) return fail(`the trainer process ended unexpectedly (${exit.signal ?? `exit code ${exit.code}`}).`, 1);
      return exit.final.kind === 'input' ? 2 : 1;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};
