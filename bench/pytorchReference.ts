/**
 * The same design trained in PyTorch on this CPU, for `bench -- train --pytorch`: the design is
 * exported as PyTorch (`model.py`, as `export --format pytorch` writes it) and timed by
 * `pytorchTrainRate.py` with Debian's python3-torch. The reference the performance goals are
 * stated against.
 */

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileDesign } from '../app/engine/compile/compileDesign';
import { readExportGraph } from '../app/engine/export/readExportGraph';
import { PYTHON, pythonProblem } from '../app/engine/export/testing/python';
import type { DesignDocument } from '../app/design/types';
import { exportPytorch } from '../app/export/pytorch/exportPytorch';
import { inputPreparation } from '../app/training/preprocessing';

const execute = promisify(execFile);
const script = fileURLToPath(new URL('./pytorchTrainRate.py', import.meta.url));

export interface PytorchRate {
  imagesPerSecond: number;
  threads: number;
  torch: string;
}

/** PyTorch's training rate of `design` (sized to `classes`) at `batch` on `threads` threads, or why it cannot be measured. */
export async function pytorchTrainRate(design: DesignDocument, classes: number, batch: number, steps: number, threads: number): Promise<PytorchRate | string> {
  const problem = pythonProblem(['torch']);
  if (problem) return problem;
  const { model, analysis } = compileDesign(design, { seed: 1 });
  const folder = await mkdtemp(join(tmpdir(), 'pytorch-reference-'));
  try {
    const classNames = Array.from({ length: classes }, (_, i) => `class ${i}`);
    const graph = await readExportGraph(model, analysis, design, { classNames, preprocessing: inputPreparation(analysis.graph.input) });
    for (const [file, bytes] of await exportPytorch(graph, 'bench')) await writeFile(join(folder, file), bytes);
    const { stdout } = await execute(PYTHON, [script, folder, String(batch), String(steps), String(threads)]);
    return JSON.parse(stdout) as PytorchRate;
  } finally {
    model.dispose();
    await rm(folder, { recursive: true, force: true });
  }
}
