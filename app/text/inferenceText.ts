/** What ran a prediction or an evaluation, in words the window shows (the CLI prints its own line). */

import type { InferenceReport } from '../protocol';

export function inferenceText({ runtime, backend, device }: InferenceReport): string {
  if (runtime === 'onnxruntime') return "onnxruntime-node, on the model's ONNX export";
  return `TensorFlow.js, ${backend} on ${device}`;
}
