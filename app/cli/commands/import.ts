/** `import`: weights trained elsewhere (a train.py run or checkpoint, a PyTorch export folder, an `.onnx` the Studio exported) as a Studio model directory. */

import { resolve } from 'node:path';
import { selectBackend } from '../../engine/backends/select';
import { DesignErrorsError } from '../../engine/compile/errors';
import { ImportError, importModel } from '../../engine/export/importWeights';
import { FileWriteError } from '../../node/files/fileWriteError';
import { commandFailure, parseCommandArgs } from '../commandArgs';
import type { CliCommand } from '../types';

const options = { out: { type: 'string' } } as const;

export const command: CliCommand = {
  summary: 'Turn weights trained elsewhere (train.py, a PyTorch export, an exported .onnx) into a Studio model directory.',
  usage: [
    'Usage: inception-studio import <train.py RUN_DIR | RUN_DIR/checkpoints/best.pt | PyTorch export folder | FILE.onnx> --out MODEL_DIR',
    '',
    '  --out MODEL_DIR  the model directory to write (atomically); predict, evaluate and the',
    '                   prediction panel use it like one the Studio trained',
    '',
    'A run folder gives its best checkpoint (else its last), as the weight average train.py saves',
    'beside each .pt; the design and class names come from its run.json (an export folder: its',
    'design.incept.json and classes.json; an .onnx the Studio exported: its metadata). Every tensor',
    'is checked against the design first (an .onnx also against the residual scales and batch-norm',
    'constants the design fixes): the first missing, extra, misshapen or differing one is named',
    'and nothing is written.',
    'Exit status: 0 written, 1 the design has errors, 2 unusable input or the weights do not fit.',
  ].join('\n'),
  options,
  async run(args, io) {
    const fail = commandFailure('import', io);
    const parsed = parseCommandArgs(args, options);
    if (!parsed.ok) return fail(parsed.error);
    const [given, stray] = parsed.value.positionals;
    if (given === undefined) return fail('Missing what to import: a train.py run folder or checkpoint, a PyTorch export folder or an exported .onnx.');
    if (stray !== undefined) return fail(`unexpected argument '${stray}'.`);
    if (typeof parsed.value.values.out !== 'string') return fail('Missing --out: the model directory to write.');
    const out = resolve(io.cwd, parsed.value.values.out);
    try {
      await selectBackend({});
      const imported = await importModel(resolve(io.cwd, given), out);
      io.stdout(`Imported ${imported.design.name} (${imported.tensors} tensors, ${imported.classNames.length} classes) into ${out}\n`);
      return 0;
    } catch (error) {
      if (error instanceof DesignErrorsError) return fail(error.message, 1);
      if (error instanceof ImportError || error instanceof FileWriteError) return fail(error.message);
      throw error;
    }
  },
};
