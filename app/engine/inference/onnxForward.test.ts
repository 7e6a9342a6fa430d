import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { loadModelDir } from '../modelDir/loadModelDir';
import { saveModelDir } from '../modelDir/saveModelDir';
import { runPrediction } from '../predict';
import { SAMPLE_IMAGES } from '../testing/samples';
import { smallDesign } from '../testing/smallDesign';
import { cachedOnnxExport, ONNX_CACHE_FILES } from './onnxForward';

const images = [{ path: SAMPLE_IMAGES.jpeg }, { path: SAMPLE_IMAGES.grayPng }, { path: SAMPLE_IMAGES.webp }];
const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
let root = '';

async function saveModel(dir: string, seed: number): Promise<void> {
  const design = smallDesign(labels.length);
  const { model } = compileDesign(design, { seed });
  await saveModelDir(dir, { model, design, labels });
  model.dispose();
}

beforeAll(async () => {
  await selectBackend({ backend: 'wasm' });
  root = await mkdtemp(path.join(tmpdir(), 'onnx-forward-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('prediction through onnxruntime-node', () => {
  it('gives the top-5 TensorFlow.js gives, from an export cached in the model directory', async () => {
    const dir = path.join(root, 'model');
    await saveModel(dir, 3);
    const tfjs = await runPrediction({ kind: 'modelDir', path: dir }, images, { top: 5, backend: 'wasm' });
    const onnx = await runPrediction({ kind: 'modelDir', path: dir }, images, { top: 5 });
    expect(onnx.runtime).toBe('onnxruntime');
    expect(tfjs.runtime).toBe('tfjs');
    onnx.predictions.forEach((prediction, i) => {
      expect(prediction.top.map((t) => t.label)).toEqual(tfjs.predictions[i].top.map((t) => t.label));
      prediction.top.forEach((t, k) => expect(t.probability).toBeCloseTo(tfjs.predictions[i].top[k].probability, 5));
    });
    expect((await stat(path.join(dir, ONNX_CACHE_FILES.model))).size).toBeGreaterThan(0);
  });

  it('reuses the cached export until the weights change, then rebuilds it', async () => {
    const dir = path.join(root, 'retrained');
    await saveModel(dir, 4);
    const first = await loadModelDir(dir);
    expect((await cachedOnnxExport(first)).rebuilt).toBe(true);
    expect((await cachedOnnxExport(first)).rebuilt).toBe(false);
    first.model.dispose();
    const key = await readFile(path.join(dir, ONNX_CACHE_FILES.key), 'utf8');

    await rm(dir, { recursive: true });
    await saveModel(dir, 5);
    const second = await loadModelDir(dir);
    const rebuilt = await cachedOnnxExport(second);
    second.model.dispose();
    expect(rebuilt.rebuilt).toBe(true);
    expect(await readFile(path.join(dir, ONNX_CACHE_FILES.key), 'utf8')).not.toBe(key);
  });
});
