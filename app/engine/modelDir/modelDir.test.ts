import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { seededValues } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { MODEL_FILES } from './format';
import { loadModelDir } from './loadModelDir';
import { saveModelDir } from './saveModelDir';

function outputs(model: tf.LayersModel): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor4d(seededValues(2 * 75 * 75 * 3, 4), [2, 75, 75, 3])) as tf.Tensor).dataSync() as Float32Array);
}

describe('model directories', () => {
  let root = '';
  let startTensors = 0;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
    root = await mkdtemp(path.join(tmpdir(), 'model-dir-'));
    startTensors = tf.memory().numTensors;
  });
  afterAll(async () => {
    expect(tf.memory().numTensors).toBe(startTensors);
    await rm(root, { recursive: true, force: true });
  });

  async function saveSmall(dir: string, seed: number, classes = 4): Promise<Float32Array> {
    const design = smallDesign(classes);
    const { model } = compileDesign(design, { seed });
    try {
      await saveModelDir(dir, { model, design, metadata: { training: { epoch: 3 } }, extraFiles: { 'optimizer.json': '{"step":7}' } });
      return outputs(model);
    } finally {
      model.dispose();
    }
  }

  it('loads back a model that gives bit-identical outputs, with labels, metadata and extra files', async () => {
    const dir = path.join(root, 'roundtrip');
    const before = await saveSmall(dir, 5);
    expect((await readdir(dir)).sort()).toEqual(['design.incept.json', 'labels.json', 'metadata.json', 'model.json', 'optimizer.json', 'weights.bin']);
    const loaded = await loadModelDir(dir);
    try {
      expect(outputs(loaded.model)).toEqual(before);
      expect(loaded.labels).toEqual(['class 0', 'class 1', 'class 2', 'class 3']);
      expect(loaded.metadata).toMatchObject({ version: 1, backend: 'wasm', classes: 4, input: [75, 75, 3], training: { epoch: 3 } });
      expect(loaded.metadata.preprocessing).toEqual({
        height: 75,
        width: 75,
        channels: 3,
        colour: 'rgb',
        layout: 'NHWC',
        autoOrient: true,
        centralCropFraction: 0.875,
        resize: { method: 'bilinear', halfPixelCenters: true, antialias: false },
        valueRange: [-1, 1],
        scale: 1 / 127.5,
        offset: -1,
      });
      expect(await readFile(path.join(dir, 'optimizer.json'), 'utf8')).toBe('{"step":7}');
    } finally {
      loaded.model.dispose();
    }
  });

  it('writes the standard tfjs layers format that tf.loadLayersModel reads', async () => {
    const dir = path.join(root, 'tfjs-format');
    const before = await saveSmall(dir, 6);
    const modelJson = JSON.parse(await readFile(path.join(dir, MODEL_FILES.topology), 'utf8'));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    const weights = await readFile(path.join(dir, MODEL_FILES.weights));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) }),
    );
    expect(outputs(model)).toEqual(before);
    model.dispose();
  });

  it('replaces an existing directory and leaves no temporary directories', async () => {
    const dir = path.join(root, 'replace');
    await saveSmall(dir, 1);
    const second = await saveSmall(dir, 2);
    const loaded = await loadModelDir(dir);
    expect(outputs(loaded.model)).toEqual(second);
    loaded.model.dispose();
    expect((await readdir(root)).filter((name) => name.startsWith('replace'))).toEqual(['replace']);
  });

  it('refuses truncated weights', async () => {
    const dir = path.join(root, 'truncated');
    await saveSmall(dir, 1);
    await truncate(path.join(dir, MODEL_FILES.weights), 1000);
    await expect(loadModelDir(dir)).rejects.toThrow(/weights\.bin: truncated: 1000 bytes, model\.json describes \d+/);
  });

  it('refuses weights that do not match the design, naming the weight', async () => {
    const dir = path.join(root, 'mismatch');
    await saveSmall(dir, 1, 4);
    await writeFile(path.join(dir, MODEL_FILES.design), serializeDesign(smallDesign(6)));
    await expect(loadModelDir(dir)).rejects.toThrow(/weights do not match the design: '[^']+\/kernel' has shape \[\d+,4\] but the design needs \[\d+,6\]/);
  });

  it('refuses a directory written in a newer format, and one without metadata', async () => {
    const dir = path.join(root, 'newer');
    await saveSmall(dir, 1);
    const metadataPath = path.join(dir, MODEL_FILES.metadata);
    const metadata = JSON.parse(await readFile(metadataPath, 'utf8'));
    await writeFile(metadataPath, JSON.stringify({ ...metadata, version: 99 }));
    await expect(loadModelDir(dir)).rejects.toThrow(/format 99 by a newer Inception Studio; this version reads up to format 1/);
    await expect(loadModelDir(path.join(root, 'nothing-here'))).rejects.toThrow(/metadata\.json: missing/);
  });

  it("reads a directory saved before the preparation was recorded as Inception's, and refuses one it cannot follow", async () => {
    const dir = path.join(root, 'preparation');
    await saveSmall(dir, 1);
    const metadataPath = path.join(dir, MODEL_FILES.metadata);
    const { preprocessing, ...older } = JSON.parse(await readFile(metadataPath, 'utf8'));
    await writeFile(metadataPath, JSON.stringify(older));
    const loaded = await loadModelDir(dir);
    loaded.model.dispose();
    expect(loaded.metadata.preprocessing).toEqual(preprocessing);
    await writeFile(metadataPath, JSON.stringify({ ...older, preprocessing: { ...preprocessing, resize: { method: 'lanczos3' } } }));
    await expect(loadModelDir(dir)).rejects.toThrow(/metadata\.json: preprocessing\.resize\.method 'lanczos3' is not supported/);
    await writeFile(metadataPath, JSON.stringify({ ...older, preprocessing: { ...preprocessing, channels: 1 } }));
    await expect(loadModelDir(dir)).rejects.toThrow(/preprocessing\.channels is 1, the network input has 3/);
  });
});
