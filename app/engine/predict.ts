/**
 * Inference: images → preprocessed batches → the model → top-K classes with probabilities.
 * An image that cannot be read gets an error entry; the others are still predicted. Images go
 * through in batches, so thousands of them never sit in memory at once.
 */

import * as tf from '@tensorflow/tfjs';
import type { BackendReport, ImagePrediction, InferenceRuntime } from '../protocol';
import type { ModelSource } from './modelSource';
import type { PixelPreparation } from '../training/preprocessing';
import type { ProgressCallback } from '../training/progress';
import { selectBackend } from './backends/select';
import { checkWebGpuErrors } from './backends/webgpu';
import type { BackendName } from '../compute/backends';
import { compileDesign } from './compile/compileDesign';
import { loadImageBatch, type ImageSource } from './images';
import { labelsFor } from './labels';
import { loadModelDir } from './modelDir/loadModelDir';
import { rowsAreDistributions, topK } from './topK';
import { localForward, openForward, type BatchForward } from './inference/batchForward';
import { modelDirForward } from './inference/modelDirForward';
import { inferenceReplicaCount } from '../training/replicas';
import { availableParallelism } from 'node:os';

export interface PredictOptions {
  /** How many classes per image; default 5. */
  top?: number;
  /** Class names in output order. */
  labels: readonly string[];
  /** A saved model's recorded preparation; default Inception's. */
  preparation?: PixelPreparation;
  /** Images per batch; default 32. */
  batchSize?: number;
  /** Images done (classified or failed) of all, after each batch. */
  onProgress?: ProgressCallback;
  /** The forward pass; default: the model on this thread. */
  forward?: BatchForward;
}

export const DEFAULT_PREDICT_BATCH = 32;

function inputOf(model: tf.LayersModel): { height: number; width: number; channels: number } {
  const [, height, width, channels] = model.inputs[0].shape;
  if (height == null || width == null || channels == null) throw new Error('The model input must be [height, width, channels]');
  return { height, width, channels };
}

/** Results keep the order of `sources`. */
export async function predictImages(model: tf.LayersModel, sources: readonly ImageSource[], options: PredictOptions): Promise<ImagePrediction[]> {
  const size = options.batchSize ?? DEFAULT_PREDICT_BATCH;
  const forward = options.forward ?? localForward(model);
  const results: ImagePrediction[] = [];
  for (let start = 0; start < sources.length; start += size) {
    results.push(...(await predictBatch(model, forward, sources.slice(start, start + size), options)));
    options.onProgress?.(results.length, sources.length);
  }
  return results;
}

async function predictBatch(model: tf.LayersModel, forward: BatchForward, sources: readonly ImageSource[], options: PredictOptions): Promise<ImagePrediction[]> {
  const input = inputOf(model);
  const batch = await loadImageBatch(sources, input, options.preparation);
  const results: ImagePrediction[] = new Array(sources.length);
  for (const failure of batch.failures) results[failure.index] = { image: failure.image, top: [], error: failure.error };
  if (batch.images.length > 0) {
    const count = batch.images.length;
    let values = await forward(batch.data, count);
    const classes = values.length / count;
    if (!rowsAreDistributions(values, classes)) {
      const probabilities = tf.tidy(() => tf.softmax(tf.tensor2d(values, [count, classes])));
      values = (await probabilities.data()) as Float32Array;
      probabilities.dispose();
    }
    checkWebGpuErrors();
    batch.images.forEach((image, i) => {
      results[batch.indices[i]] = { image, top: topK(values.subarray(i * classes, (i + 1) * classes), options.top ?? 5, options.labels) };
    });
  }
  return results;
}


export interface PredictionRun {
  predictions: ImagePrediction[];
  backend: BackendReport;
  /** Where the weights came from: a model directory, or random initialisation. */
  weights: 'saved' | 'random';
  /** What ran the network: TensorFlow.js on `backend`, or onnxruntime-node on the model directory's ONNX export. */
  runtime: InferenceRuntime;
}

export type RunPredictionOptions = Pick<PredictOptions, 'top' | 'batchSize' | 'onProgress'> & { backend?: BackendName };

/** Backend → model (compiled with random weights, or loaded) → predictions → dispose. */
export async function runPrediction(model: ModelSource, sources: readonly ImageSource[], options: RunPredictionOptions): Promise<PredictionRun> {
  const { top, batchSize, onProgress } = options;
  const backend = await selectBackend({ backend: options.backend });
  const replicas = inferenceReplicaCount(backend.active, availableParallelism());
  if (model.kind === 'modelDir') {
    const loaded = await loadModelDir(model.path);
    const { opened, runtime } = await modelDirForward(loaded, options.backend, replicas);
    try {
      const predictions = await predictImages(loaded.model, sources, { top, batchSize, onProgress, labels: loaded.labels, preparation: loaded.metadata.preprocessing, forward: opened.forward });
      return { predictions, backend, weights: 'saved', runtime };
    } finally {
      await opened.close();
      loaded.model.dispose();
    }
  }
  const { model: compiled } = compileDesign(model.design, { seed: model.seed });
  const opened = openForward(compiled, model.design, replicas);
  try {
    const classes = compiled.outputs[0].shape.at(-1) ?? 0;
    const labels = await labelsFor(classes, model.design.classes);
    return { predictions: await predictImages(compiled, sources, { top, batchSize, onProgress, labels, forward: opened.forward }), backend, weights: 'random', runtime: 'tfjs' };
  } finally {
    await opened.close();
    compiled.dispose();
  }
}
