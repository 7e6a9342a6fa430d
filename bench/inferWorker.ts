/**
 * One inference worker for `inferBench`: its own tfjs + wasm backend (one thread each under
 * Node), the same model and seed as the main thread, and its share of each batch.
 */

import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';
import { selectBackend } from '../app/engine/backends/select';
import { compileDesign } from '../app/engine/compile/compileDesign';
import { buildPreset } from '../app/presets/index';

export interface InferWorkerData {
  preset: string;
  input: number;
  images: number;
}

const { preset, input, images } = workerData as InferWorkerData;
await selectBackend({ backend: 'wasm' });
const { model } = compileDesign(buildPreset(preset, { input }), { seed: 1 });
const batch = tf.randomUniform([images, input, input, 3], -1, 1, 'float32', 7);
const forward = (): void => {
  tf.tidy(() => (model.predict(batch) as tf.Tensor).dataSync());
};
forward();
parentPort!.on('message', (message: 'run' | 'stop') => {
  if (message === 'stop') {
    model.dispose();
    batch.dispose();
    parentPort!.close();
    return;
  }
  forward();
  parentPort!.postMessage('done');
});
parentPort!.postMessage('ready');
