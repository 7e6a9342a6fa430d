/**
 * An `.onnx` file the Studio exported comes back as a model directory that computes the same
 * logits as the network it was exported from (a small design, and Inception-ResNet-v2 at 75×75
 * for its residual scales); a file whose weights do not fit the design, a truncated file and a
 * foreign one are refused with the reason, and nothing is written.
 */

import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { exportOnnx } from '../../export/onnx/exportOnnx';
import { encodeOnnxModel } from '../../export/onnx/onnxModel';
import { decodeOnnxModel } from '../../export/onnx/onnxModelReader';
import { studioWeightsFromOnnx } from '../../export/onnx/onnxWeights';
import { buildPreset } from '../../presets/index';
import { useTempDir } from '../../node/testing/tempDir';
import { selectBackend } from '../backends/select';
import { loadModelDir } from '../modelDir/loadModelDir';
import { relativeMaxError } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { ImportError, importModel } from './importWeights';
import { exportCase, logitsReader, seededInput } from './testing/exportFixtures';

const dir = useTempDir('onnx-import');
const resnet = buildPreset('inception-resnet-v2', { input: 75, width: 0.25, repeats: [1, 1, 1], classes: 7 });

async function roundTrip(name: string, design: Parameters<typeof exportCase>[0]): Promise<void> {
  const { model, graph, logits } = await exportCase(design);
  const file = join(dir(), `${name}.onnx`);
  await writeFile(file, exportOnnx(graph, 'test'));
  const input = seededInput(2, graph.input, 7);
  try {
    const imported = await importModel(file, join(dir(), name));
    expect(imported.classNames).toEqual(graph.classNames);
    const loaded = await loadModelDir(join(dir(), name));
    try {
      expect(loaded.labels).toEqual(graph.classNames);
      expect(relativeMaxError(await logitsReader(loaded.model, graph.head.logits)(input), await logits(input))).toBeLessThanOrEqual(1e-6);
    } finally {
      loaded.model.dispose();
    }
  } finally {
    input.dispose();
    model.dispose();
  }
}

describe('ONNX import', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
  });

  it('brings a small design back with the logits it was exported with', async () => {
    await roundTrip('small', smallDesign(5));
  }, 120_000);

  it('brings Inception-ResNet-v2 at 75×75 back, residual scales included', async () => {
    await roundTrip('resnet', resnet);
  }, 120_000);

  it('names the first tensor that does not fit the design, and writes nothing', async () => {
    const { model, graph } = await exportCase(smallDesign(5));
    try {
      const other = smallDesign(3);
      const file = join(dir(), 'other.onnx');
      await writeFile(file, exportOnnx({ ...graph, designText: serializeDesign(other), classNames: ['a', 'b', 'c'] }, 'test'));
      await expect(importModel(file, join(dir(), 'other'))).rejects.toThrow(/tensor '[\w-]+\.(weight|bias)' \(layer [\w-]+\) has dims \[\d+(, \d+)*\]; the design needs \[\d+(, \d+)*\]/);

    } finally {
      model.dispose();
    }
    expect(await readdir(dir())).not.toContain('other');
  }, 120_000);

  it('checks the constants the export wrote for the design: a residual scale that differs is named', async () => {
    const { model, graph } = await exportCase(resnet);
    model.dispose();
    const decoded = decodeOnnxModel(exportOnnx(graph, 'test'));
    if (!decoded.ok) throw new Error(decoded.error);
    const [name, scale] = [...decoded.value.initializers].find(([key]) => key.endsWith('.scale'))!;
    const tampered = new Map(decoded.value.initializers).set(name, { shape: scale.shape, values: Float32Array.of(scale.values[0] * 2) });
    const layer = name.split('.')[0];
    expect(studioWeightsFromOnnx(graph, tampered)).toEqual({ ok: false, error: `tensor '${name}' (layer ${layer}) holds 0.34 at index 0 where the design fixes 0.17; the file was exported from another design` });
    const missing = new Map(decoded.value.initializers);
    missing.delete(name);
    expect(studioWeightsFromOnnx(graph, missing)).toEqual({ ok: false, error: `tensor '${name}' (layer ${layer}) is missing; the weights do not belong to this design` });
    const extra = new Map(decoded.value.initializers).set('stray.weight', scale);
    expect(studioWeightsFromOnnx(graph, extra)).toEqual({ ok: false, error: "tensor 'stray.weight' is not in the design; the weights do not belong to it" });
  }, 120_000);

  it('refuses a truncated file, a file that is no ONNX model, one the Studio did not write and one without its design', async () => {
    const { model, graph } = await exportCase(smallDesign(3));
    const bytes = exportOnnx(graph, 'test');
    model.dispose();
    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated.onnx', bytes.subarray(0, Math.floor(bytes.length / 2)), /truncated\.onnx: not a readable ONNX model: the data ends inside field \d+ at byte \d+.*\(truncated\?\)/],
      ['text.onnx', new TextEncoder().encode('hello, world'), /text\.onnx: not a readable ONNX model: wire type \d/],
      ['foreign.onnx', encodeOnnxModel({ graphName: 'g', producerVersion: '1', docString: '', nodes: [], initializers: [], inputs: [], outputs: [], metadata: {} }), /foreign\.onnx: not exported by Inception Studio/],
      ['earlier.onnx', encodeOnnxModel({ graphName: 'g', producerVersion: '1', docString: '', nodes: [], initializers: [], inputs: [], outputs: [], metadata: { format: 'inception-studio/export' } }), /earlier\.onnx: exported by an earlier Inception Studio, without the design document/],
    ];
    for (const [name, content, message] of cases) {
      await writeFile(join(dir(), name), content);
      const attempt = importModel(join(dir(), name), join(dir(), `${name}.model`));
      await expect(attempt).rejects.toThrow(ImportError);
      await expect(attempt).rejects.toThrow(message);
    }
    expect((await readdir(dir())).filter((name) => name.endsWith('.model'))).toEqual([]);
  }, 120_000);
});
