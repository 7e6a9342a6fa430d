/**
 * The forward pass of batch inference (predict, evaluate): the network's outputs for a batch of
 * images. On wasm, which runs one thread under Node, a batch of two or more is split over one
 * replica thread per core beside this one (each its own wasm instance, the same weights); the
 * replicas start with the first such batch, so a single image never waits for them.
 */

import * as tf from '@tensorflow/tfjs';
import type { Worker } from 'node:worker_threads';
import { serializeDesign } from '../../design/document';
import type { DesignDocument } from '../../design/types';
import { nextMessage, startEngineThreads, stopEngineThreads } from '../engineThreads';
import { sharedFloats, tensorLayout, writeTensors } from '../train/parallel/sharedTensors';
import { batchShards } from '../train/parallel/batchShards';
import type { ForwardReply, ForwardSetup } from './forwardProtocol';

/** The outputs for `count` images (NHWC floats), row after row. Read asynchronously: webgpu cannot read synchronously in Node. */
export type BatchForward = (pixels: Float32Array, count: number) => Promise<Float32Array>;

export interface OpenedForward {
  forward: BatchForward;
  /** Ends the replica threads, if any started. */
  close(): Promise<void>;
}

function inputShape(model: tf.LayersModel): [number, number, number] {
  const [, height, width, channels] = model.inputs[0].shape;
  if (height == null || width == null || channels == null) throw new Error('The model input must be [height, width, channels]');
  return [height, width, channels];
}

/** This thread's forward pass. */
export function localForward(model: tf.LayersModel): BatchForward {
  const input = inputShape(model);
  return async (pixels, count) => {
    const output = tf.tidy(() => model.predict(tf.tensor4d(pixels, [count, ...input])) as tf.Tensor);
    try {
      return (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
  };
}

/**
 * The forward pass over `replicas` threads, this one included (`design`: the document the model
 * was compiled from). One replica: this thread alone.
 */
export function openForward(model: tf.LayersModel, design: DesignDocument, replicas: number): OpenedForward {
  const local = localForward(model);
  if (replicas <= 1) return { forward: local, close: async () => undefined };
  let workers: Promise<Worker[]> | null = null;
  const start = (): Promise<Worker[]> => {
    const layout = tensorLayout(model.weights.map((w) => w.shape as number[]));
    const weights = sharedFloats(layout);
    writeTensors(
      model.weights.map((w) => w.read()),
      new Float32Array(weights),
      layout,
    );
    const setup: ForwardSetup = { design: serializeDesign(design), weights };
    return startEngineThreads('forwardWorker', new Array<ForwardSetup>(replicas - 1).fill(setup), (i) => `Inference replica ${i + 1}`);
  };
  const forward: BatchForward = async (pixels, count) => {
    if (count < 2) return local(pixels, count);
    workers ??= start();
    const threads = await workers;
    const shards = batchShards({ pixels, labels: new Int32Array(count), size: count }, replicas);
    const answers = threads.map((worker, i) => {
      const shard = shards[i + 1];
      if (shard.size === 0) return Promise.resolve(new Float32Array(0));
      const answer = nextMessage<ForwardReply, 'output'>(worker, `Inference replica ${i + 1}`, 'output');
      worker.postMessage({ type: 'forward', pixels: shard.pixels.slice(), count: shard.size });
      return answer.then((message) => message.values);
    });
    const all = Promise.all(answers);
    all.catch(() => undefined);
    const parts = [await local(shards[0].pixels, shards[0].size), ...(await all)];
    const values = new Float32Array(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      values.set(part, offset);
      offset += part.length;
    }
    return values;
  };
  return { forward, close: async () => (workers ? stopEngineThreads(await workers.catch(() => [])) : undefined) };
}
