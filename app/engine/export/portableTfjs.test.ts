/**
 * The portable TF.js export loads in a separate Node process that imports only
 * `@tensorflow/tfjs` (testing/portableTfjsProbe.mjs) and gives the Studio's logits
 * (≤ 1e-5 of the largest), with residual scales folded and standard layers only.
 */

import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design/types';
import { buildPreset } from '../../presets/index';
import { useTempDir } from '../../node/testing/tempDir';
import { selectBackend } from '../backends/select';
import { relativeMaxError } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { exportCase, unevenPaddingDesign, seededInput } from './testing/exportFixtures';
import { exportPortableTfjs, PortableTfjsError } from './portableTfjs';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./testing/portableTfjsProbe.mjs', import.meta.url));
const dir = useTempDir('portable-tfjs');
const STANDARD_LAYERS = new Set(['InputLayer', 'Conv2D', 'BatchNormalization', 'Activation', 'MaxPooling2D', 'AveragePooling2D', 'Concatenate', 'Add', 'Dropout', 'GlobalAveragePooling2D', 'Flatten', 'Dense']);

async function expectSameLogits(name: string, design: DesignDocument): Promise<void> {
  const { model, graph, logits } = await exportCase(design);
  const input = seededInput(2, graph.input, 5);
  try {
    const out = join(dir(), name);
    await mkdir(out, { recursive: true });
    for (const [file, bytes] of await exportPortableTfjs(graph, 'test')) await writeFile(join(out, file), bytes);
    await writeFile(join(out, 'input.f32'), await input.data());
    const { stdout } = await run(process.execPath, [probe, out, join(out, 'input.f32'), '2', join(out, 'logits.f32')], { cwd: dir() });
    const report = JSON.parse(stdout) as { layers: string[] };
    expect(report.layers.filter((layer) => !STANDARD_LAYERS.has(layer))).toEqual([]);
    const raw = await readFile(join(out, 'logits.f32'));
    expect(relativeMaxError(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), await logits(input))).toBeLessThanOrEqual(1e-5);
  } finally {
    input.dispose();
    model.dispose();
  }
}

describe('portable TF.js export', () => {
  // Plain tfjs in the probe runs on its cpu backend; the same kernels here keep 1e-5 meaningful.
  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
  });

  it('loads with plain @tensorflow/tfjs and gives the Studio logits (Inception-v4)', async () => {
    await expectSameLogits('v4', smallDesign(4));
  }, 120_000);

  it('pads as TensorFlow does where the padding is uneven, and flattens in its order', async () => {
    await expectSameLogits('uneven', unevenPaddingDesign());
  }, 120_000);

  it('folds the residual scales of Inception-ResNet-v2 (TF-slim) into its linear convolutions (batch norm without γ)', async () => {
    await expectSameLogits('irv2', buildPreset('inception-resnet-v2-tfslim', { input: 75, width: 0.125, repeats: [1, 1, 1], classes: 3, bnGamma: false }));
  }, 120_000);

  it('refuses a residual scale it cannot fold, naming the layer', async () => {
    const { model, graph } = await exportCase(buildPreset('inception-resnet-v1', { input: 75, width: 0.125, repeats: [1, 1, 1], classes: 3 }));
    model.dispose();
    const add = graph.layers.find((entry) => entry.layer.kind === 'residualAdd')!.layer;
    // The residual branch made to end in a ReLU conv: no longer linear.
    const layers = graph.layers.map((entry) =>
      entry.layer.id === add.inputs[1] && entry.layer.kind === 'conv2d' ? { ...entry, layer: { ...entry.layer, params: { ...entry.layer.params, activation: 'relu' as const } } } : entry,
    );
    await expect(exportPortableTfjs({ ...graph, layers }, 'test')).rejects.toThrow(PortableTfjsError);
    await expect(exportPortableTfjs({ ...graph, layers }, 'test')).rejects.toThrow(new RegExp(`Residual '${add.id}' scales '${add.inputs[1]}'`));
  });
});
