/**
 * The ONNX export computes what the Studio computes: onnxruntime-node's logits against the
 * compiled tfjs model's on the same seeded input (≤ 1e-4 of the largest logit), for a small
 * design and every preset at 75×75, with seeded batch-norm statistics; and Debian's ONNX
 * checker accepts the file.
 */

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportOnnx } from '../../export/onnx/exportOnnx';
import { buildPreset, presets } from '../../presets/index';
import { useTempDir } from '../../node/testing/tempDir';
import { selectBackend } from '../backends/select';
import { smallDesign } from '../testing/smallDesign';
import { relativeMaxError } from '../testing/seededData';
import { exportCase, unevenPaddingDesign, seededInput, toNchw } from './testing/exportFixtures';
import { PYTHON, pythonProblem } from './testing/python';
import { openOnnxSession } from './onnxRuntime';

const onnxProblem = pythonProblem(['onnx']);
const dir = useTempDir('onnx-export');

// The as-printed variant has residual width errors on purpose (see its note).
const buildable = presets.map((p) => p.name).filter((name) => name !== 'inception-resnet-v2-as-printed');

async function expectSameLogits(design: Parameters<typeof exportCase>[0]): Promise<Uint8Array> {
  const { model, graph, logits } = await exportCase(design);
  try {
    const bytes = exportOnnx(graph, 'test');
    const input = seededInput(2, graph.input, 11);
    const session = await openOnnxSession(bytes);
    try {
      const [h, w, c] = graph.input;
      const outputs = await session.run(await toNchw(input), [2, c, h, w]);
      const expected = await logits(input);
      expect(relativeMaxError(outputs.logits, expected)).toBeLessThanOrEqual(1e-4);
      if (graph.head.softmax !== null) {
        const rows = outputs.probabilities;
        expect(rows.length).toBe(expected.length);
        expect(rows.slice(0, rows.length / 2).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    } finally {
      input.dispose();
      await session.release();
    }
    return bytes;
  } finally {
    model.dispose();
  }
}

describe('ONNX export', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('gives the Studio logits for a small design (with probabilities after its softmax)', async () => {
    await expectSameLogits(smallDesign(5));
  });

  it('gives the Studio logits for a design with a custom block (a layer set differently from its template)', async () => {
    const design = smallDesign(3);
    const custom = { ...design, nodes: design.nodes.map((n) => (n.id === 'a1' ? { ...n, overrides: { 'branch1/conv2': { filters: 7, kernel: [1, 5] } } } : n)) };
    await expectSameLogits(custom);
  }, 120_000);

  it('pads as TensorFlow does where the padding is uneven, and flattens in its order', async () => {
    await expectSameLogits(unevenPaddingDesign());
  }, 120_000);

  it.each(buildable)('gives the Studio logits for %s at 75×75', async (name) => {
    await expectSameLogits(buildPreset(name, { input: 75, width: 0.25, repeats: [1, 1, 1], classes: 7 }));
  }, 120_000);

  it.skipIf(onnxProblem !== null)(`passes Debian's ONNX checker${onnxProblem === null ? '' : ` (skipped: ${onnxProblem})`}`, async () => {
    const path = join(dir(), 'small.onnx');
    await writeFile(path, await expectSameLogits(smallDesign(3)));
    const script = [
      'import json, sys, onnx',
      'model = onnx.load(sys.argv[1])',
      'onnx.checker.check_model(model, full_check=True)',
      'print(json.dumps({"opset": model.opset_import[0].version, "inputs": [[d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in model.graph.input], "outputs": [o.name for o in model.graph.output], "meta": {p.key: p.value for p in model.metadata_props}}))',
    ].join('\n');
    const checked = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout) as { opset: number; inputs: unknown[]; outputs: string[]; meta: Record<string, string> };
    expect(report.opset).toBe(13);
    expect(report.inputs).toEqual([['batch', 3, 75, 75]]);
    expect(report.outputs).toEqual(['logits', 'probabilities']);
    expect(JSON.parse(report.meta.classes)).toEqual(['class 0', 'class 1', 'class 2']);
    expect(JSON.parse(report.meta.preprocessing)).toMatchObject({ centralCropFraction: 0.875, valueRange: [-1, 1], layout: 'NCHW', resize: { method: 'bilinear' } });
  }, 120_000);
});
