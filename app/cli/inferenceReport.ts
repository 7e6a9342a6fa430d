/** The line `predict` and `evaluate` start with: what ran the network. */

import { describeBackends } from '../engine/backends/select';
import type { BackendReport, InferenceRuntime } from '../protocol';

export function describeInference(backend: BackendReport, runtime: InferenceRuntime): string {
  if (runtime === 'onnxruntime') return 'inference: onnxruntime-node on the model directory\'s ONNX export (--backend NAME runs TensorFlow.js instead)';
  return describeBackends(backend);
}
