/** Swaps a backend's kernel for a wrapper around it; the wrapper falls back to the original where that is right. */

import * as tf from '@tensorflow/tfjs';

export function replaceKernel(name: string, backend: string, wrap: (original: tf.KernelConfig) => tf.KernelConfig): void {
  const original = tf.getKernel(name, backend);
  if (!original) return;
  tf.unregisterKernel(name, backend);
  tf.registerKernel(wrap(original));
}
