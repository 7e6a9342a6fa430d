import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backends/select';
import { compileDesign } from './compile/compileDesign';
import { saveModelDir } from './modelDir/saveModelDir';
import { predictImages, runPrediction } from './predict';
import { SAMPLE_IMAGES } from './testing/samples';
import { smallDesign } from './testing/smallDesign';
import { rowsAreDistributions, topK } from './topK';

const images = [{ path: SAMPLE_IMAGES.jpeg }, { path: '/missing/photo.jpg' }, { path: SAMPLE_IMAGES.grayPng }, { path: SAMPLE_IMAGES.webp }];

describe('prediction', () => {
  let root = '';
  let startTensors = 0;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
    root = await mkdtemp(path.join(tmpdir(), 'predict-'));
    startTensors = tf.memory().numTensors;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('ranks classes and keeps the request order, reporting an unreadable image by name', async () => {
    const design = { ...smallDesign(4), classes: ['cat', 'dog', 'fish', 'bird'] };
    const run = await runPrediction({ kind: 'design', design, seed: 1 }, images, { top: 3 });
    expect(run.weights).toBe('random');
    expect(run.backend.active).toBe('wasm');
    expect(run.predictions.map((p) => p.image)).toEqual(images.map((i) => i.path));
    expect(run.predictions[1]).toEqual({ image: '/missing/photo.jpg', top: [], error: "Cannot read image '/missing/photo.jpg': no such file" });
    for (const i of [0, 2, 3]) {
      const { top, error } = run.predictions[i];
      expect(error).toBeUndefined();
      expect(top).toHaveLength(3);
      expect(top[0].probability).toBeGreaterThanOrEqual(top[1].probability);
      expect(design.classes).toContain(top[0].label);
      expect(top[0].label).toBe(design.classes[top[0].classIndex]);
    }
    expect(tf.memory().numTensors).toBe(startTensors);
  });

  it('predicts from a saved model directory with the same results as the model it saved', async () => {
    const design = smallDesign(5);
    const { model } = compileDesign(design, { seed: 9 });
    const direct = await predictImages(model, images, { top: 5, labels: ['a', 'b', 'c', 'd', 'e'] });
    const dir = path.join(root, 'saved');
    await saveModelDir(dir, { model, design, labels: ['a', 'b', 'c', 'd', 'e'] });
    model.dispose();
    // Named, the backend runs TensorFlow.js rather than onnxruntime-node (inference/onnxForward.test.ts).
    const run = await runPrediction({ kind: 'modelDir', path: dir }, images, { top: 5, backend: 'wasm' });
    expect(run.weights).toBe('saved');
    expect(run.runtime).toBe('tfjs');
    expect(run.predictions).toEqual(direct);
    expect(tf.memory().numTensors).toBe(startTensors);
  });

  it('uses ImageNet names for a 1000-class network without class names', async () => {
    const run = await runPrediction({ kind: 'design', design: smallDesign(1000) }, [{ path: SAMPLE_IMAGES.jpeg }], { top: 2 });
    const [first] = run.predictions[0].top;
    expect(first.label).not.toMatch(/^class \d+$/);
    expect(first.label.length).toBeGreaterThan(2);
    expect(tf.memory().numTensors).toBe(startTensors);
  });
});

describe('topK', () => {
  it('orders by probability, ties by index, and labels unknown classes by number', () => {
    expect(topK([0.1, 0.4, 0.4, 0.1], 3, ['a', 'b'])).toEqual([
      { classIndex: 1, label: 'b', probability: 0.4 },
      { classIndex: 2, label: 'class 2', probability: 0.4 },
      { classIndex: 0, label: 'a', probability: 0.1 },
    ]);
  });

  it('tells probabilities from logits', () => {
    expect(rowsAreDistributions([0.5, 0.5, 0.2, 0.8], 2)).toBe(true);
    expect(rowsAreDistributions([2, -1], 2)).toBe(false);
  });
});
