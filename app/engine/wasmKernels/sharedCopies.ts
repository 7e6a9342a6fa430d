/**
 * `Identity` and a `Cast` to the same dtype that share their input's memory instead of copying
 * it, as the cpu backend's do and as wasm's own `Reshape` does. Under a gradient tape tfjs clones
 * (`Identity`) every tensor a gradient saves, activations included, and `avgPool` and the Relu
 * gradient cast float32 to float32: on wasm each was a full copy. Sharing is safe because no wasm
 * kernel writes into its inputs; a tensor's memory is freed when its last sharer is disposed.
 */

import type * as tf from '@tensorflow/tfjs';
import type { WasmHeap } from './wasmHeap';

type KernelArgs = Parameters<tf.KernelFunc>[0];

function share(x: tf.TensorInfo, backend: unknown): tf.TensorInfo {
  (backend as WasmHeap).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Strings keep the original (their values live in JS, not in wasm memory). */
export function sharedIdentity(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = args.inputs.x as tf.TensorInfo;
    return x.dtype === 'string' ? original.kernelFunc(args) : share(x, args.backend);
  };
  return { ...original, kernelFunc };
}

/** A cast to another dtype converts as before. */
export function sharedSameTypeCast(original: tf.KernelConfig): tf.KernelConfig {
  const kernelFunc = (args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] => {
    const x = args.inputs.x as tf.TensorInfo;
    const { dtype } = args.attrs as unknown as { dtype: tf.DataType };
    return x.dtype === dtype && dtype !== 'string' ? share(x, args.backend) : original.kernelFunc(args);
  };
  return { ...original, kernelFunc };
}
