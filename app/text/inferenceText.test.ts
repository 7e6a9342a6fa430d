import { describe, expect, it } from 'vitest';
import { inferenceText } from './inferenceText';

describe('inferenceText', () => {
  it("names onnxruntime-node and the export it ran, whatever backend loaded beside it", () => {
    expect(inferenceText({ runtime: 'onnxruntime', backend: 'wasm', device: 'AMD EPYC (2 cores)' })).toBe("onnxruntime-node, on the model's ONNX export");
  });

  it('names the TensorFlow.js backend and its device', () => {
    expect(inferenceText({ runtime: 'tfjs', backend: 'webgpu', device: 'NVIDIA H200' })).toBe('TensorFlow.js, webgpu on NVIDIA H200');
  });
});
