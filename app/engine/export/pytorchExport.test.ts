/**
 * The PyTorch export, run by Debian's python3-torch: `load_model()` gives a network with the
 * Studio's parameter count and the Studio's logits (≤ 1e-4 of the largest) for a small design
 * and every preset at 75×75, with seeded batch-norm statistics.
 */

import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design/types';
import { exportPytorch } from '../../export/pytorch/exportPytorch';
import { buildPreset, presets } from '../../presets/index';
import { useTempDir } from '../../node/testing/tempDir';
import { selectBackend } from '../backends/select';
import { relativeMaxError } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { exportCase, unevenPaddingDesign, seededInput, toNchw } from './testing/exportFixtures';
import { PYTHON, pythonProblem } from './testing/python';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./testing/pytorchProbe.py', import.meta.url));
const torchProblem = pythonProblem(['torch', 'numpy']);
const dir = useTempDir('pytorch-export');
const buildable = presets.map((p) => p.name).filter((name) => name !== 'inception-resnet-v2-as-printed');

async function expectSameNetwork(name: string, design: DesignDocument): Promise<string[]> {
  const { model, graph, logits } = await exportCase(design);
  const input = seededInput(2, graph.input, 9);
  try {
    const out = join(dir(), name);
    await mkdir(out, { recursive: true });
    for (const [file, bytes] of exportPytorch(graph, 'test')) await writeFile(join(out, file), bytes);
    await writeFile(join(out, 'input.f32'), await toNchw(input));
    const [h, w, c] = graph.input;
    const { stdout } = await run(PYTHON, [probe, out, join(out, 'input.f32'), '2', String(c), String(h), String(w), join(out, 'logits.f32')]);
    const report = JSON.parse(stdout) as { trainable: number; buffers: number; classes: string[] };
    const size = (variables: typeof model.weights): number => variables.reduce((n, v) => n + v.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
    expect({ trainable: report.trainable, buffers: report.buffers }).toEqual({ trainable: size(model.trainableWeights), buffers: size(model.nonTrainableWeights) });
    const raw = await readFile(join(out, 'logits.f32'));
    expect(relativeMaxError(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), await logits(input))).toBeLessThanOrEqual(1e-4);
    return report.classes;
  } finally {
    input.dispose();
    model.dispose();
  }
}

describe.skipIf(torchProblem !== null)(`PyTorch export${torchProblem === null ? '' : ` (skipped: ${torchProblem})`}`, () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('gives the Studio parameter count and logits for a small design, one class per block type', async () => {
    const classes = await expectSameNetwork('small', smallDesign(5));
    expect(classes).toEqual(['StemV4', 'InceptionA', 'ReductionA', 'InceptionB', 'ReductionBV4', 'InceptionC', 'GlobalAvgPool', 'Dropout', 'Dense']);
  }, 120_000);

  it('pads as TensorFlow does where the padding is uneven, and flattens in its order', async () => {
    await expectSameNetwork('uneven', unevenPaddingDesign());
  }, 120_000);

  it.each(buildable)('gives the Studio parameter count and logits for %s at 75×75', async (name) => {
    await expectSameNetwork(name, buildPreset(name, { input: 75, width: 0.25, repeats: [1, 1, 1], classes: 6 }));
  }, 120_000);
});
