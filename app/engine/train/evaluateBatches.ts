/** Evaluation over a batch stream: mean loss, top-1, top-5, and optionally a confusion matrix. */

import * as tf from '@tensorflow/tfjs';
import { addToConfusion, MetricsAccumulator, topKCorrect } from '../../training/metrics';
import type { StepMetrics } from '../../training/types';
import type { Batch } from '../data/batchStream';
import { checkWebGpuErrors } from '../backends/webgpu';
import { crossEntropy } from './lossAndMetrics';
import type { TrainableModel } from './trainStep';
import { localForward, type BatchForward } from '../inference/batchForward';

/** `onBatch` hears the images evaluated so far after each batch; `forward` defaults to the model on this thread. */
export async function evaluateBatches(
  net: TrainableModel,
  batches: AsyncIterable<Batch>,
  confusion?: number[][],
  onBatch?: (images: number) => void,
  forward: BatchForward = localForward(net.model),
): Promise<StepMetrics & { images: number }> {
  const metrics = new MetricsAccumulator();
  for await (const batch of batches) {
    const p = await forward(batch.pixels, batch.size);
    const loss = tf.tidy(() => crossEntropy(tf.tensor2d(p, [batch.size, net.classes]), tf.tensor1d(batch.labels, 'int32'), net.classes, 0));
    const l = await loss.data();
    loss.dispose();
    checkWebGpuErrors();
    metrics.add(l[0], topKCorrect(p, batch.labels, net.classes, 1), topKCorrect(p, batch.labels, net.classes, 5), batch.size);
    if (confusion) addToConfusion(confusion, p, batch.labels, net.classes);
    onBatch?.(metrics.count);
  }
  return { ...metrics.mean(), images: metrics.count };
}
