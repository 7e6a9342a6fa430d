/** Replaces the webgpu kernels that go wrong in training (see each file). Idempotent. */

import * as tf from '@tensorflow/tfjs';
import { replaceKernel } from '../backends/replaceKernel';
import { groupedAddN } from './addN';

let registered = false;

export function registerWebGpuTrainingKernels(): void {
  if (registered) return;
  registered = true;
  replaceKernel(tf.AddN, 'webgpu', groupedAddN);
}
