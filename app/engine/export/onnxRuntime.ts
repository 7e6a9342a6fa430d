/**
 * Running an exported `.onnx` file with onnxruntime-node (MLAS on the CPU): the check that an
 * export computes what the Studio computes, and the fast inference path the bench measures.
 */

import * as ort from 'onnxruntime-node';
import { ONNX_INPUT } from '../../export/onnx/onnxGraph';

export interface OnnxSession {
  /** NCHW input → every graph output by name. */
  run(input: Float32Array, dims: readonly number[]): Promise<Record<string, Float32Array>>;
  release(): Promise<void>;
}

export async function openOnnxSession(model: Uint8Array | string): Promise<OnnxSession> {
  const session = typeof model === 'string' ? await ort.InferenceSession.create(model) : await ort.InferenceSession.create(model);
  return {
    async run(input, dims) {
      const feeds = { [ONNX_INPUT]: new ort.Tensor('float32', input, [...dims]) };
      const results = await session.run(feeds);
      return Object.fromEntries(Object.entries(results).map(([name, tensor]) => [name, tensor.data as Float32Array]));
    },
    release: () => session.release(),
  };
}
