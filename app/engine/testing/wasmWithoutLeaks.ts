/**
 * For a describe block: runs its tests on the wasm backend and checks, after the last one,
 * that they left no tensors behind.
 */

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect } from 'vitest';
import { selectBackend } from '../backends/select';

export function onWasmWithoutLeaks(): void {
  let startTensors = 0;
  beforeAll(async () => {
    await selectBackend({ backend: 'wasm' });
    startTensors = tf.memory().numTensors;
  });
  afterAll(() => expect(tf.memory().numTensors).toBe(startTensors));
}
