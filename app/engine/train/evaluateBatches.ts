/** Evaluation over a batch stream: mean loss, top-1, top-5, and optionally a confusion matrix. */

import * as tf from '@tensorflow/tfjs';
import { addToConfusion, MetricsAccumulator, topKCorrect } from '../../training/metrics';
import type { StepMetrics } from '../../training/types';
import type { Batch } from '../data/batchStream';
import { crossEntropy } from './lossAndMetrics';
import { batchTensor, type TrainableModel } from './trainStep';

/** `onBatch` hears the images evaluated so far after each batch. */
export async function evaluateBatches(net: TrainableModel, batches: AsyncIterable<Batch>, confusion?: number[][], onBatch?: (images: number) => void): Promise<StepMetrics & { images: number }> {
  const metrics = new MetricsAccumulator();
  for await (const batch of batches) {
    const [probs, loss] = tf.tidy(() => {
      const p = net.model.predict(batchTensor(batch, net.input)) as tf.Tensor2D;
      return [p, crossEntropy(p, tf.tensor1d(batch.labels, 'int32'), net.classes, 0)];
    });
    const [p, l] = await Promise.all([probs.data(), loss.data()]);
    tf.dispose([probs, loss]);
    metrics.add(l[0], topKCorrect(p, batch.labels, net.classes, 1), topKCorrect(p, batch.labels, net.classes, 5), batch.size);
    if (confusion) addToConfusion(confusion, p, batch.labels, net.classes);
    onBatch?.(metrics.count);
  }
  return { ...metrics.mean(), images: metrics.count };
}
