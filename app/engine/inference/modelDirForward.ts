/**
 * The forward pass that predicts with, or evaluates, a model directory: onnxruntime-node on its
 * ONNX export when the package is installed and no TensorFlow.js backend was named, else
 * TensorFlow.js (on wasm split over `replicas` threads).
 */

import type { BackendName } from '../../compute/backends';
import type { InferenceRuntime } from '../../protocol';
import type { LoadedModelDir } from '../modelDir/loadModelDir';
import { openForward, type OpenedForward } from './batchForward';
import { openOnnxForward } from './onnxForward';

export async function modelDirForward(loaded: LoadedModelDir, named: BackendName | undefined, replicas: number): Promise<{ opened: OpenedForward; runtime: InferenceRuntime }> {
  const onnx = named === undefined ? await openOnnxForward(loaded) : null;
  return onnx ? { opened: onnx, runtime: 'onnxruntime' } : { opened: openForward(loaded.model, loaded.design, replicas), runtime: 'tfjs' };
}
