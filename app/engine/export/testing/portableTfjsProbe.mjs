// Loads an exported portable TF.js model with plain @tensorflow/tfjs and nothing else from the
// project, as a user's program would, and runs it on a raw float32 NHWC input.
// Usage: node portableTfjsProbe.mjs MODEL_DIR INPUT.f32 BATCH OUTPUT.f32
import * as tf from '@tensorflow/tfjs';
import { readFile, writeFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import process from 'node:process';

const [dir, inputPath, batch, outputPath] = process.argv.slice(2);
const modelJson = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
const weights = await readFile(join(dir, modelJson.weightsManifest[0].paths[0]));
const model = await tf.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest[0].weights,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }),
);
const [, h, w, c] = model.inputs[0].shape;
const raw = await readFile(inputPath);
const input = tf.tensor4d(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), [Number(batch), h, w, c]);
// The logits: the input of the final softmax when there is one.
const last = model.layers.at(-1);
const isSoftmax = last.getConfig().activation === 'softmax';
const logitsModel = isSoftmax ? tf.model({ inputs: model.inputs, outputs: last.input }) : model;
const output = logitsModel.predict(input);
await writeFile(outputPath, Buffer.from((await output.data()).buffer));
process.stdout.write(JSON.stringify({ backend: tf.getBackend(), layers: model.layers.map((layer) => layer.getClassName()) }));
