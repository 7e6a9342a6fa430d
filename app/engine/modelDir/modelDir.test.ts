import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../design/document';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { seededValues } from '../testing/seededData';
import { smallDesign } from '../testing/smallDesign';
import { MODEL_FILES } from '../../node/modelDir/format';
import { loadModelDir } from './loadModelDir';
import { saveModelDir } from './saveModelDir';

/** Bytes that look random but are the same every run. */
function seededBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) bytes[i] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

/** Makes a directory look like one written before checksums were recorded. */
async function dropChecksums(dir: string): Promise<void> {
  const metadataPath = path.join(dir, MODEL_FILES.metadata);
  const { files: _files, ...metadata } = JSON.parse(await readFile(metadataPath, 'utf8'));
  await writeFile(metadataPath, JSON.stringify(metadata));
}

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
    await expect(loadModelDir(dir)).rejects.toThrow(/weights\.bin: truncated: 1000 bytes, metadata\.json records \d+/);
  });

  it('records each file’s size and checksum, and refuses random bytes of the right length', async () => {
    const dir = path.join(root, 'scrambled');
    await saveSmall(dir, 1);
    const metadata = JSON.parse(await readFile(path.join(dir, MODEL_FILES.metadata), 'utf8'));
    const weights = await readFile(path.join(dir, MODEL_FILES.weights));
    expect(metadata.files[MODEL_FILES.weights]).toEqual({ bytes: weights.byteLength, sha256: createHash('sha256').update(weights).digest('hex') });
    expect(Object.keys(metadata.files).sort()).toEqual(['design.incept.json', 'labels.json', 'model.json', 'optimizer.json', 'weights.bin']);
    await writeFile(path.join(dir, MODEL_FILES.weights), seededBytes(weights.byteLength));
    await expect(loadModelDir(dir)).rejects.toThrow(/weights\.bin: its checksum does not match the one recorded when it was saved/);
  });

  it('refuses a file that is a link leading out of the directory', async () => {
    const dir = path.join(root, 'linked');
    await saveSmall(dir, 1);
    await dropChecksums(dir);
    await writeFile(path.join(root, 'elsewhere.json'), '{"secret": true}');
    await rm(path.join(dir, MODEL_FILES.labels));
    await symlink(path.join(root, 'elsewhere.json'), path.join(dir, MODEL_FILES.labels));
    await expect(loadModelDir(dir)).rejects.toThrow(/labels\.json: is a link that leads out of the model directory/);
  });

  it('refuses a manifest with a bad shape or type, naming model.json', async () => {
    const dir = path.join(root, 'bad-manifest');
    await saveSmall(dir, 1);
    await dropChecksums(dir);
    const topologyPath = path.join(dir, MODEL_FILES.topology);
    const modelJson = JSON.parse(await readFile(topologyPath, 'utf8'));
    const good = structuredClone(modelJson);
    modelJson.weightsManifest[0].weights[0].shape = [-3, 2.5];
    await writeFile(topologyPath, JSON.stringify(modelJson));
    await expect(loadModelDir(dir)).rejects.toThrow(/model\.json: weight '[^']+' has shape \[-3,2\.5\]: expected whole numbers ≥ 0/);
    good.weightsManifest = 'nope';
    await writeFile(topologyPath, JSON.stringify(good));
    await expect(loadModelDir(dir)).rejects.toThrow(/model\.json: has no weightsManifest/);
  });

  it('without checksums (an older directory), still refuses weights that are not finite numbers', async () => {
    const dir = path.join(root, 'nan');
    await saveSmall(dir, 1);
    await dropChecksums(dir);
    const weights = await readFile(path.join(dir, MODEL_FILES.weights));
    new Float32Array(weights.buffer, weights.byteOffset, weights.byteLength / 4).fill(Number.NaN, 0, 4);
    await writeFile(path.join(dir, MODEL_FILES.weights), weights);
    await expect(loadModelDir(dir)).rejects.toThrow(/weights\.bin: weight '[^']+' holds values that are not finite numbers \(NaN or infinite\)/);
  });

  it('refuses metadata that does not describe a model, naming the field', async () => {
    const dir = path.join(root, 'bad-metadata');
    await saveSmall(dir, 1);
    const metadataPath = path.join(dir, MODEL_FILES.metadata);
    const metadata = JSON.parse(await readFile(metadataPath, 'utf8'));
    await writeFile(metadataPath, JSON.stringify({ ...metadata, input: 'big', classes: -1 }));
    await expect(loadModelDir(dir)).rejects.toThrow(/metadata\.json: "input" should be \[height, width, channels\]; "classes" should be a whole number ≥ 1/);
    await writeFile(metadataPath, '{"format": "inception-studio/model", ');
    await expect(loadModelDir(dir)).rejects.toThrow(/metadata\.json: not valid JSON/);
  });

  it('refuses weights that do not match the design, naming the weight', async () => {
    const dir = path.join(root, 'mismatch');
    await saveSmall(dir, 1, 4);
    await writeFile(path.join(dir, MODEL_FILES.design), serializeDesign(smallDesign(6)));
    await expect(loadModelDir(dir)).rejects.toThrow(/design\.incept\.json: (truncated|longer than when it was saved|its checksum does not match)/);
    await dropChecksums(dir);
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
