/**
 * Entry of one forward-pass replica thread: its own TensorFlow.js and wasm instance, the model
 * compiled from the same design with the weights copied in from shared memory, and per request
 * the network's outputs for its share of a batch.
 */

import * as tf from '@tensorflow/tfjs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseDesign } from '../../design/document';
import { errorMessage } from '../../result';
import { selectBackend } from '../backends/select';
import { compileDesign } from '../compile/compileDesign';
import { tensorLayout, tensorValues } from '../train/parallel/sharedTensors';
import type { ForwardReply, ForwardRequest, ForwardSetup } from './forwardProtocol';

const setup = workerData as ForwardSetup;
const port = parentPort!;
const reply = (message: ForwardReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function serve(): Promise<void> {
  await selectBackend({ backend: 'wasm' });
  const parsed = parseDesign(setup.design);
  if (!parsed.ok) throw new Error(`the design does not parse: ${parsed.error.message}`);
  const { model } = compileDesign(parsed.value.document);
  const weights = new Float32Array(setup.weights);
  const layout = tensorLayout(model.weights.map((w) => w.shape as number[]));
  tf.tidy(() => model.weights.forEach((w, i) => w.write(tf.tensor(tensorValues(weights, layout, i), w.shape as number[]))));
  const [, height, width, channels] = model.inputs[0].shape as number[];
  port.on('message', (request: ForwardRequest) => {
    try {
      const values = tf.tidy(() => (model.predict(tf.tensor4d(request.pixels, [request.count, height, width, channels])) as tf.Tensor).dataSync() as Float32Array);
      reply({ type: 'output', values }, [values.buffer as ArrayBuffer]);
    } catch (error) {
      reply({ type: 'failed', message: errorMessage(error) });
    }
  });
  reply({ type: 'ready' });
}

serve().catch((error: unknown) => reply({ type: 'failed', message: errorMessage(error) }));
