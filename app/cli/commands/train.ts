/** `train`: trains a design or preset in a separate trainer process, with progress or JSON lines. */

import { join, resolve } from 'node:path';
import { startTrainer } from '../../engine/train/trainerClient';
import { serializeDesign } from '../../design/document';
import type { TrainerStartRequest } from '../../training/processProtocol';
import type { OptimizerName, TrainConfig } from '../../training/types';
import { BACKEND_CHOICES, backendFlag, commandFailure, parseCommandArgs, type Outcome, type ParsedValues } from '../commandArgs';
import { designArgOptions, designSourceOptions, loadDesignSource } from '../designSource';
import type { CliCommand } from '../types';
import { progressPrinter } from '../progress/trainProgress';

const options = {
  ...designArgOptions,
  data: { type: 'string' },
  val: { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const optimizers: readonly OptimizerName[] = ['rmsprop', 'sgd', 'adam'];

/** Numeric flags into config fields; range checks happen in the trainer's config validation. */
function configFlags(values: ParsedValues): Outcome<Partial<TrainConfig>> {
  const config: Partial<TrainConfig> = {};
  const numeric: [string, keyof TrainConfig][] = [['epochs', 'epochs'], ['batch', 'batchSize'], ['lr', 'learningRate'], ['seed', 'seed']];
  for (const [flag, key] of numeric) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return { ok: false, message: `--${flag} ${text}: expected a number.` };
    (config as Record<string, number>)[key] = n;
  }
  const optimizer = values.optimizer;
  if (typeof optimizer === 'string') {
    if (!(optimizers as readonly string[]).includes(optimizer)) return { ok: false, message: `--optimizer ${optimizer}: expected ${optimizers.join(', ')}.` };
    config.optimizer = optimizer as OptimizerName;
  }
  return { ok: true, value: config };
}

const timestamp = (): string => new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');

export const command: CliCommand = {
  summary: 'Train a design or preset on an image dataset (default: the bundled Fashion-MNIST sample).',
  usage: [
    'Usage: inception-studio train <design file | preset:NAME> [options]',
    '       inception-studio train --resume RUN_DIR [--epochs N] [--json]',
    '',
    '  --data DIR|CSV     class sub-folders of JPEG/PNG/WebP, or a path,label CSV (default: bundled Fashion-MNIST sample)',
    '  --val DIR|CSV      separate validation set (default: a seeded 10% of --data)',
    '  --epochs N         (default 100)            --batch N    (default 32)',
    '  --lr X             initial learning rate (default 0.045; adam 0.001), × 0.94 every 2 epochs',
    '  --optimizer NAME   rmsprop (default: decay 0.9, ε 1.0, momentum 0.9), sgd (momentum), adam',
    '  --seed N           data order, augmentation, initial weights (default 1)',
    `  --backend NAME     ${BACKEND_CHOICES} (default: the first that loads)`,
    '  --out RUN_DIR      where checkpoints go (default: runs/<design>-<time>)',
    '  --resume RUN_DIR   continue a run from its last checkpoint (design, data and settings from the run)',
    '  --json             one JSON event per line instead of the progress display',
    '  --input N, --classes N, --param key=value   as in `summary`; the classifier is sized to the dataset',
    '',
    'Ctrl-C finishes the current step, saves a checkpoint and stops; --resume continues it.',
    'Exit status: 0 finished or stopped, 1 the run failed, 2 unusable input.',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('train', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.message);
    const { values, positionals } = parsed.value;
    const backendArg = backendFlag(values.backend);
    if (!backendArg.ok) return fail(backendArg.message);
    const backend = backendArg.value;
    const flags = configFlags(values);
    if (!flags.ok) return fail(flags.message);
    const resumeDir = typeof values.resume === 'string' ? resolve(io.cwd, values.resume) : undefined;
    const path = (flag: string): string | undefined => (typeof values[flag] === 'string' ? resolve(io.cwd, values[flag] as string) : undefined);

    let request: TrainerStartRequest;
    if (resumeDir) {
      if (positionals.length > 0 || values.data !== undefined || values.val !== undefined || values.out !== undefined) {
        return fail('--resume continues a run with its own design, data and folder; give only --epochs, --backend and --json with it.');
      }
      request = { design: '', runDir: resumeDir, resume: true, config: flags.value, ...(backend ? { backend } : {}) };
    } else {
      if (positionals.length !== 1) return fail(positionals.length === 0 ? 'Missing the design: a design file or preset:NAME.' : `unexpected argument '${positionals[1]}'.`);
      const sourceOptions = designSourceOptions(values, io.cwd);
      if (!sourceOptions.ok) return fail(sourceOptions.message);
      const design = await loadDesignSource(positionals[0], sourceOptions.value);
      if (!design.ok) return fail(design.message);
      const name = design.value.document.name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'design';
      request = {
        design: serializeDesign(design.value.document),
        runDir: path('out') ?? join(io.cwd, 'runs', `${name}-${timestamp()}`),
        config: flags.value,
        ...(path('data') ? { data: path('data') } : {}),
        ...(path('val') ? { validation: path('val') } : {}),
        ...(backend ? { backend } : {}),
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
      return 1;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};
